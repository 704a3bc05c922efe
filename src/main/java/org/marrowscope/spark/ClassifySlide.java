package org.marrowscope.spark;

import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.marrowscope.cohort.CohortEntry;
import org.marrowscope.cohort.JobSpec;
import org.marrowscope.cohort.SlideRow;
import org.marrowscope.cohort.SlideTask;

/** One Spark task: one slide, on the executor's warm service; Spark's try number decides whether a failure is final. */
final class ClassifySlide implements Function<CohortEntry, SlideRow> {

    private static final long serialVersionUID = 1L;

    private final JobSpec spec;
    private final int tries;

    ClassifySlide(JobSpec spec, int tries) {
        this.spec = spec;
        this.tries = tries;
    }

    @Override
    public SlideRow call(CohortEntry entry) throws Exception {
        int attempt = TaskContext.get().attemptNumber() + 1;
        SparkEnv env = SparkEnv.get();
        // The block manager's host is the address the driver reaches this executor at; no name look-up needed.
        String executor = env.executorId() + "@" + env.blockManager().blockManagerId().host();
        return SlideTask.run(WarmService.get(spec.software()), spec, entry, executor, attempt, attempt >= tries);
    }
}
