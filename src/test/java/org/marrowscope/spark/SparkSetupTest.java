package org.marrowscope.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.marrowscope.cohort.CohortEngine;

/** The Spark settings a cohort runs with, before any session starts. */
class SparkSetupTest {

    @Test
    void localMastersGetTheTriesBecauseLocalModeIgnoresMaxFailures() {
        assertThat(SparkSetup.master("local", 3)).isEqualTo("local[1,3]");
        assertThat(SparkSetup.master("local[*]", 3)).isEqualTo("local[*,3]");
        assertThat(SparkSetup.master("local[2]", 4)).isEqualTo("local[2,4]");
        assertThat(SparkSetup.master("local[2,5]", 4)).isEqualTo("local[2,5]");
        assertThat(SparkSetup.tries("local[2,5]", 4)).isEqualTo(5);
        assertThat(SparkSetup.master("spark://10.0.0.1:7077", 3)).isEqualTo("spark://10.0.0.1:7077");
        assertThat(SparkSetup.tries("yarn", 3)).isEqualTo(3);
    }

    @Test
    void loopbackDriverLocallyTheInstallationForAClusterAndTheUsersSettingsWin() {
        SparkConf local = SparkSetup.conf(new CohortEngine.Settings("local[*]", 3, "4g", Map.of()));
        assertThat(local.get("spark.driver.host")).isEqualTo("127.0.0.1");
        assertThat(local.get("spark.task.maxFailures")).isEqualTo("3");
        assertThat(local.contains("spark.executor.extraClassPath")).isFalse();
        SparkConf cluster = SparkSetup.conf(new CohortEngine.Settings("spark://10.0.0.1:7077", 2, "6g",
                Map.of("spark.executor.cores", "1")));
        assertThat(cluster.contains("spark.driver.host")).isFalse();
        assertThat(cluster.get("spark.executor.extraClassPath"))
                .isEqualTo(SparkSetup.absolute(System.getProperty("java.class.path")));
        assertThat(cluster.get("spark.executor.memory")).isEqualTo("6g");
        assertThat(cluster.get("spark.executor.extraJavaOptions")).contains("-Dai.djl.offline=true");
        assertThat(cluster.get("spark.executor.cores")).isEqualTo("1");
        SparkConf shipped = SparkSetup.conf(new CohortEngine.Settings("yarn", 2, "4g", Map.of("spark.jars", "a.jar",
                "spark.driver.host", "10.0.0.9")));
        assertThat(shipped.contains("spark.executor.extraClassPath")).isFalse();
        assertThat(shipped.get("spark.driver.host")).isEqualTo("10.0.0.9");
    }

    @Test
    void theExecutorsClassPathIsMadeAbsoluteSinceExecutorsStartInTheirOwnFolder() {
        String cwd = java.nio.file.Path.of("").toAbsolutePath().toString();
        assertThat(SparkSetup.absolute("target/classes:/opt/marrowscope/lib/*:lib/*"))
                .isEqualTo(cwd + "/target/classes:/opt/marrowscope/lib/*:" + cwd + "/lib/*");
    }
}
