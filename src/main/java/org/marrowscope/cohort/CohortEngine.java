package org.marrowscope.cohort;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What runs a cohort's tasks: Spark (the {@code spark} package, found through {@link java.util.ServiceLoader} so that
 * installations without Spark still start). The engine runs {@link SlideTask} once per slide on executors that each
 * keep one warm service, and writes the summary table as Parquet.
 */
public interface CohortEngine {

    /**
     * Where and how the tasks run.
     *
     * @param master {@code local[*]}, {@code local[N]}, {@code spark://HOST:PORT}, {@code yarn}, {@code k8s://...}
     * @param tries tries per slide before its failure is recorded
     * @param executorMemory heap of each executor, e.g. {@code 4g} (models, tile buffers and the reader pool)
     * @param conf further Spark settings, which win over the engine's own
     */
    record Settings(String master, int tries, String executorMemory, Map<String, String> conf) {
        public Settings {
            if (tries < 1) {
                throw new IllegalArgumentException("--tries must be at least 1");
            }
            conf = Map.copyOf(conf);
        }
    }

    /**
     * Classifies every slide, one row per slide in the cohort's order, and writes the rows as a Parquet table at
     * {@code table} (a folder, replaced whole).
     *
     * @throws IOException when the job as a whole fails (the cluster cannot be reached, every executor is lost)
     */
    List<SlideRow> run(JobSpec spec, List<CohortEntry> slides, Settings settings, Path table) throws IOException;
}
