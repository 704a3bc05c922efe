package org.marrowscope.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.marrowscope.cohort.CohortEngine;

/** The Spark settings of a cohort job: what MarrowScope needs on every executor, then the user's own settings. */
final class SparkSetup {

    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\s*(\\d+))?])?");
    private static final Pattern LOOPBACK = Pattern.compile("(local.*|spark://(127\\.0\\.0\\.1|localhost)(:\\d+)?)");

    /**
     * What every executor JVM needs besides Spark's own module opens (which SparkContext adds itself): the PyTorch
     * natives, and DJL without downloads (executors often have no internet).
     */
    static final String EXECUTOR_JAVA_OPTIONS = "--enable-native-access=ALL-UNNAMED -Dai.djl.offline=true";

    private SparkSetup() {
    }

    static SparkConf conf(CohortEngine.Settings s) {
        Map<String, String> c = new LinkedHashMap<>();
        String master = master(s.master(), s.tries());
        c.put("spark.master", master);
        c.put("spark.app.name", "MarrowScope cohort");
        c.put("spark.task.maxFailures", Integer.toString(s.tries()));
        c.put("spark.executor.memory", s.executorMemory());
        c.put("spark.executor.extraJavaOptions", EXECUTOR_JAVA_OPTIONS);
        // A slide is one task of minutes; re-running one elsewhere because it is slow doubles the work for nothing.
        c.put("spark.speculation", "false");
        c.put("spark.ui.showConsoleProgress", "false");
        if (LOOPBACK.matcher(master).matches()) {
            // Resolving this machine's name costs 15-30 s on many hosts, and nothing outside it needs to reach us.
            c.put("spark.driver.host", "127.0.0.1");
            c.put("spark.driver.bindAddress", "127.0.0.1");
            c.put("spark.ui.enabled", "false");
        }
        if (!master.startsWith("local") && !s.conf().containsKey("spark.jars")
                && !s.conf().containsKey("spark.executor.extraClassPath")) {
            // The installation is on storage every node mounts at the same path (as the slides and models are):
            // executors load MarrowScope from there instead of fetching 300 MB of jars from the driver.
            c.put("spark.executor.extraClassPath", absolute(System.getProperty("java.class.path")));
        }
        c.putAll(s.conf());
        SparkConf conf = new SparkConf(false);
        c.forEach(conf::set);
        return conf;
    }

    /**
     * The class path with every entry absolute: an executor starts in its own work folder, where an entry relative to
     * the driver's folder (a {@code java -cp target/classes} run) would name nothing.
     */
    static String absolute(String classPath) {
        return java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator)).filter(e -> !e.isEmpty())
                .map(e -> e.endsWith("*") ? java.nio.file.Path.of(e.substring(0, e.length() - 1)).toAbsolutePath()
                        + java.io.File.separator + "*" : java.nio.file.Path.of(e).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /**
     * {@code local}, {@code local[N]} and {@code local[*]} with the tries added ({@code local[N,F]}): in local mode
     * Spark takes the tries from the master, not from {@code spark.task.maxFailures}, and tries a task once.
     */
    static String master(String master, int tries) {
        Matcher m = LOCAL.matcher(master.strip());
        if (!m.matches()) {
            return master.strip();
        }
        String threads = m.group(1) == null ? "1" : m.group(1);
        return m.group(2) != null ? master.strip() : "local[" + threads + "," + tries + "]";
    }

    /** The tries a task gets under this master: a {@code local[N,F]} master's own F wins. */
    static int tries(String master, int tries) {
        Matcher m = LOCAL.matcher(master.strip());
        return m.matches() && m.group(2) != null ? Integer.parseInt(m.group(2)) : tries;
    }
}
