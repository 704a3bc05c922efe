package org.marrowscope.train;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.marrowscope.io.AtomicFiles;

/**
 * A training run's progress, saved after every epoch beside its checkpoints ({@code state.json}) so that an
 * interrupted run resumes: the epochs done, the best one, and a key over everything that defines the run (data,
 * starting weights, settings); a state whose key differs belongs to another run and is ignored.
 *
 * @param key what the run was
 * @param history the finished epochs
 * @param bestEpoch the epoch whose weights are in {@code best/}, 0 before the first epoch
 */
record TrainingState(String key, List<EpochResult> history, int bestEpoch) {

    static final String FILE = "state.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    TrainingState {
        history = List.copyOf(history);
    }

    static TrainingState fresh(String key) {
        return new TrainingState(key, List.of(), 0);
    }

    /** The saved state of {@code checkpoints} if it belongs to the run {@code key} and its weights exist. */
    static TrainingState resume(Path checkpoints, String key, List<String> files) {
        Path file = checkpoints.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return fresh(key);
        }
        try {
            TrainingState s = JSON.readValue(file.toFile(), TrainingState.class);
            boolean weights = files.stream().allMatch(f -> Files.isRegularFile(checkpoints.resolve("last").resolve(f))
                    && Files.isRegularFile(checkpoints.resolve("best").resolve(f)));
            return key.equals(s.key()) && weights && s.bestEpoch() > 0 ? s : fresh(key);
        } catch (IOException e) {
            return fresh(key);
        }
    }

    void write(Path checkpoints) throws IOException {
        AtomicFiles.write(checkpoints.resolve(FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
    }
}
