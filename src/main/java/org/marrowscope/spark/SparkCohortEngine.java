package org.marrowscope.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.marrowscope.cohort.CohortEngine;
import org.marrowscope.cohort.CohortEntry;
import org.marrowscope.cohort.JobSpec;
import org.marrowscope.cohort.SlideRow;

/**
 * The cohort on Spark: one partition, hence one task, per slide (a slide is minutes of work, so scheduling
 * finer-grained than that buys nothing and a lost executor costs at most the slides it was running). Results are
 * written by the tasks themselves, atomically, into the shared results folder; the rows come back to the driver.
 */
public final class SparkCohortEngine implements CohortEngine {

    @Override
    public List<SlideRow> run(JobSpec spec, List<CohortEntry> slides, Settings settings, Path table) throws IOException {
        int tries = SparkSetup.tries(settings.master(), settings.tries());
        SparkSession session;
        try {
            session = SparkSession.builder().config(SparkSetup.conf(settings)).getOrCreate();
        } catch (Exception e) { // Scala throws SparkException, a checked exception, undeclared
            // A master URL Spark cannot use, or a cluster that refuses the application: the job cannot start at all,
            // which is the job failing as a whole (exit 27), not a bug.
            throw new IOException("the Spark job failed: Spark could not start with master " + settings.master() + ": "
                    + e.getMessage(), e);
        }
        try (SparkSession spark = session) {
            JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
            List<SlideRow> rows;
            try {
                rows = context.parallelize(slides, slides.size()).map(new ClassifySlide(spec, tries)).collect();
            } catch (Exception e) { // Scala throws SparkException, a checked exception, undeclared
                // Spark reports a job that failed as a whole (no executor left, a task that threw on every try
                // although SlideTask records final failures) with a SparkException wrapped at the API boundary.
                throw new IOException("the Spark job failed: " + e.getMessage(), e);
            }
            SummaryTable.write(spark, rows, table);
            return rows;
        }
    }
}
