package org.marrowscope.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's own files: settings, the pathologist's notes, tile-review labels. */
class AppFilesTest {

    @TempDir
    Path tmp;

    @Test
    void settingsRoundTripAndAnUnreadableFileGivesTheDefaults() throws Exception {
        SettingsStore store = new SettingsStore(tmp.resolve("cfg/settings.json"));
        assertThat(store.get()).isEqualTo(Settings.DEFAULTS);
        Settings changed = Settings.DEFAULTS.withRecent("/a.svs").withRecent("/b.svs").withRecent("/a.svs")
                .withWindow(new Settings.WindowGeometry(10, 20, 1300, 800, false))
                .withSelection(new Settings.Selection(50, 0.7, 0.4, 9));
        store.set(changed);
        Settings read = new SettingsStore(tmp.resolve("cfg/settings.json")).get();
        assertThat(read).isEqualTo(changed);
        assertThat(read.recentSlides()).containsExactly("/a.svs", "/b.svs");
        Files.writeString(tmp.resolve("cfg/settings.json"), "{ not json");
        assertThat(new SettingsStore(tmp.resolve("cfg/settings.json")).get()).isEqualTo(Settings.DEFAULTS);
        // Old files without the newer fields read with the paper's defaults.
        Files.writeString(tmp.resolve("cfg/settings.json"), "{\"tileCacheMegabytes\": 256}");
        Settings old = new SettingsStore(tmp.resolve("cfg/settings.json")).get();
        assertThat(old.tileCacheMegabytes()).isEqualTo(256);
        assertThat(old.selection()).isEqualTo(Settings.Selection.PAPER);
        assertThat(old.device()).isEqualTo("auto");
    }

    @Test
    void recentSlidesKeepTheTenLatest() {
        Settings s = Settings.DEFAULTS;
        for (int i = 0; i < 15; i++) {
            s = s.withRecent("/s" + i);
        }
        assertThat(s.recentSlides()).hasSize(10).startsWith("/s14").endsWith("/s5");
        assertThat(s.withoutRecent("/s14").recentSlides()).hasSize(9).doesNotContain("/s14");
    }

    @Test
    void caseNotesGoBesideTheResult() throws Exception {
        Path slide = tmp.resolve("case 1.svs");
        assertThat(CaseNotes.read(slide, null).pathologistDiagnosis()).isNull();
        CaseNotes.save(slide, null, "MM");
        assertThat(tmp.resolve("case 1.svs" + CaseNotes.SUFFIX)).exists();
        assertThat(CaseNotes.read(slide, null).pathologistDiagnosis()).isEqualTo("MM");
        Path results = tmp.resolve("results");
        CaseNotes.save(slide, results, null);
        assertThat(CaseNotes.read(slide, results).pathologistDiagnosis()).isNull();
        Files.writeString(CaseNotes.location(slide, null), "[1,2");
        assertThatThrownBy(() -> CaseNotes.read(slide, null)).hasMessageContaining("cannot be read");
    }

    @Test
    void reviewLabelsAreTheCsvTheTrainCommandReads() throws Exception {
        Path slide = tmp.resolve("odd, \"name\".tiff");
        Path file = tmp.resolve("labels.csv");
        ReviewLabels.save(file, slide, List.of(new ReviewLabels.Entry(1024, 2048, 1024, ReviewLabels.Label.GOOD),
                new ReviewLabels.Entry(0, 512, 1024, ReviewLabels.Label.POOR)));
        List<String> lines = Files.readAllLines(file);
        String quoted = "\"" + slide.toAbsolutePath().toString().replace("\"", "\"\"") + "\"";
        assertThat(lines).containsExactly("slide,x,y,size,label", quoted + ",1024,2048,1024,good", quoted + ",0,512,1024,poor");
        Map<String, ReviewLabels.Label> read = ReviewLabels.read(file, slide);
        assertThat(read).containsEntry("1024,2048,1024", ReviewLabels.Label.GOOD).containsEntry("0,512,1024", ReviewLabels.Label.POOR);
        assertThat(ReviewLabels.read(file, tmp.resolve("other.tiff"))).isEmpty();
        Files.writeString(file, "x,y\n");
        assertThatThrownBy(() -> ReviewLabels.read(file, slide)).hasMessageContaining("slide,x,y,size,label");
    }
}
