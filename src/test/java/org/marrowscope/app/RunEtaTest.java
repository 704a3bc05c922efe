package org.marrowscope.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.marrowscope.pipeline.Progress;
import org.marrowscope.pipeline.Stage;

class RunEtaTest {

    @Test
    void etaComesFromTheTilesLeftAndTheStagesRate() {
        assertThat(RunEta.eta(new Progress(Stage.CLASSIFICATION, 50, 200, 10, "cpu"))).isEqualTo("ETA 0:15");
        assertThat(RunEta.eta(new Progress(Stage.QUALITY, 100, 1300, 20, "cpu")))
                .isEqualTo("stage 1 ETA at most 1:00 (it stops early at the last ROI), then stage 2");
    }

    @Test
    void nothingIsGuessedBeforeTheFirstTilesAreScored() {
        assertThat(RunEta.eta(null)).isEqualTo("ETA once the first tiles are scored");
        assertThat(RunEta.eta(new Progress(Stage.LOADING_MODELS, 0, 1, 0, "starting"))).isEqualTo("ETA once the first tiles are scored");
        assertThat(RunEta.eta(new Progress(Stage.CLASSIFICATION, 0, 200, 0, "cpu"))).isEqualTo("ETA once the first tiles are scored");
    }

    @Test
    void textAndClock() {
        assertThat(RunEta.clock(0)).isEqualTo("0:00");
        assertThat(RunEta.clock(75.4)).isEqualTo("1:15");
        assertThat(RunEta.clock(3725)).isEqualTo("1:02:05");
        assertThat(RunEta.text("a.tiff", 12, new Progress(Stage.CLASSIFICATION, 190, 200, 2, "cpu")))
                .isEqualTo("Classifying a.tiff… 0:12 elapsed · ETA 0:05");
    }
}
