package org.marrowscope.pipeline.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.marrowscope.io.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.pipeline.SampleResults;

class ResultStoreTest {

    @TempDir
    Path tmp;

    @Test
    void roundTripKeepsEveryRoiAndVote() throws Exception {
        ClassificationResult result = SampleResults.result(200, "AML", 20000, 15000);
        Path slide = Files.writeString(tmp.resolve("a.tiff"), "x");
        Path saved = new ResultStore(null).save(slide, result);
        assertThat(saved).isEqualTo(tmp.resolve("a.tiff.marrowscope.json"));
        ClassificationResult back = ResultStore.read(saved);
        assertThat(back.rois()).hasSize(200);
        assertThat(back.rois().get(7).probabilities().getFirst()).containsExactly(result.rois().get(7).probabilities().getFirst());
        assertThat(back.rois().get(7).x()).isEqualTo(result.rois().get(7).x());
        assertThat(back.diagnosis()).isEqualTo("AML");
        assertThat(back.ensemble().counts()).containsExactly(result.ensemble().counts());
        assertThat(back.parameters()).isEqualTo(result.parameters());
        assertThat(back.classifiers()).isEqualTo(result.classifiers());
        assertThat(back.selection()).isEqualTo(result.selection());
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void reusesOnlyWhenSlideParametersAndModelsMatch() throws Exception {
        ClassificationResult result = SampleResults.result(20, "CML", 8000, 6000);
        Path slide = Files.writeString(tmp.resolve("a.tiff"), "x");
        ResultStore store = new ResultStore(tmp.resolve("results"));
        store.save(slide, result);
        assertThat(store.location(slide)).startsWith(tmp.resolve("results"));
        var quality = result.quality();
        var classifiers = result.classifiers();
        assertThat(store.findReusable(slide, result.slide(), result.parameters(), quality, classifiers)).isPresent();
        assertThat(store.findReusable(slide, result.slide(), SampleResults.parameters(2), quality, classifiers)).isEmpty();
        assertThat(store.findReusable(slide, result.slide(), result.parameters(), quality,
                List.of(SampleResults.model("other", "classifier")))).isEmpty();
        SlideIdentity rescanned = new SlideIdentity(result.slide().path(), "a.tiff", 999, "generic-tiff", 8000, 6000, "ef".repeat(32), result.slide().pixelsSha256());
        assertThat(store.findReusable(slide, rescanned, result.parameters(), quality, classifiers)).isEmpty();
    }

    @Test
    void refusesOtherFormatVersionsAndBrokenJson() throws Exception {
        Path future = Files.writeString(tmp.resolve("f.json"), "{\"formatVersion\": 99}");
        assertThatThrownBy(() -> ResultStore.read(future)).isInstanceOf(IOException.class).hasMessageContaining("format version 99");
        Path broken = Files.writeString(tmp.resolve("b.json"), "{\"formatVersion\": 1, ");
        assertThatThrownBy(() -> ResultStore.read(broken)).isInstanceOf(IOException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void aFailedWriteLeavesTheOldResultAndNoPart() throws Exception {
        Path target = tmp.resolve("r.json");
        AtomicFiles.write(target, "old".getBytes());
        Files.createDirectory(tmp.resolve("blocker.json"));
        // Writing over a non-empty directory fails at the rename: nothing half-written may remain.
        Files.writeString(tmp.resolve("blocker.json").resolve("inside"), "x");
        assertThatThrownBy(() -> AtomicFiles.write(tmp.resolve("blocker.json"), "new".getBytes())).isInstanceOf(IOException.class);
        assertThat(Files.readString(target)).isEqualTo("old");
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }
}
