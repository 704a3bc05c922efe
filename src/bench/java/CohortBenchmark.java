import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.launcher.JavaModuleOptions;
import org.marrowscope.cli.MarrowScopeCommand;
import picocli.CommandLine;

/**
 * Cohorts on Spark against one machine, in one run on the same slides and models: sequential `classify` (one JVM,
 * models warm after the first slide), `cohort --master local[2]` (Spark embedded) and `cohort` on a standalone cluster
 * of two Workers with one core each (a Master and two Workers as separate JVMs on the loopback address). Prints the
 * wall time of each, the ratio to sequential and Spark's overhead per slide, with the machine's load.
 *
 * <p>Run after {@code ./mvnw package}, with the test class path (Spark is a provided dependency):
 * {@code java $SPARK_OPENS -cp "target/classes:$(cat cp.txt)" src/bench/java/CohortBenchmark.java MODELS SLIDE...}
 * where cp.txt comes from {@code ./mvnw dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test}.
 */
public class CohortBenchmark {

    public static void main(String[] args) throws Exception {
        Path models = Path.of(args[0]).toAbsolutePath();
        List<Path> slides = Arrays.stream(args).skip(1).map(a -> Path.of(a).toAbsolutePath()).toList();
        Path work = Files.createTempDirectory("cohort-bench");
        StringBuilder csv = new StringBuilder("slide\n");
        slides.forEach(s -> csv.append(s).append('\n'));
        Path cohort = Files.writeString(work.resolve("cohort.csv"), csv);
        System.out.printf(Locale.ROOT, "%d slides, models %s, %d cores, load %.2f%n", slides.size(), models,
                Runtime.getRuntime().availableProcessors(), load());

        List<String> classify = new ArrayList<>(List.of("classify", "--models", models.toString(), "--no-progress",
                "--out", work.resolve("sequential").toString()));
        slides.forEach(s -> classify.add(s.toString()));
        double sequential = timed("sequential classify", classify);
        double local = timed("cohort local[2]", cohortArgs(models, "local[2]", work.resolve("local"), cohort));

        Path sparkHome = Files.createDirectories(work.resolve("spark-home/jars")).getParent();
        int port = freePort();
        String master = "spark://127.0.0.1:" + port;
        List<Process> daemons = new ArrayList<>();
        try {
            daemons.add(start(work, "master", sparkHome, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", Integer.toString(port), "--webui-port", Integer.toString(freePort())));
            for (int w = 1; w <= 2; w++) {
                daemons.add(start(work, "worker-" + w, sparkHome, "org.apache.spark.deploy.worker.Worker", "--host",
                        "127.0.0.1", "--cores", "1", "--memory", "3g", "--webui-port", Integer.toString(freePort()),
                        "--work-dir", Files.createDirectories(work.resolve("work-" + w)).toString(), master));
            }
            long end = System.nanoTime() + 240_000_000_000L;
            while (count(work.resolve("master.log"), "Registering worker") < 2) {
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("the workers did not register; see " + work);
                }
                Thread.sleep(200);
            }
            double cluster = timed("cohort on 2 workers x 1 core", cohortArgs(models, master, work.resolve("cluster"),
                    cohort));
            int n = slides.size();
            System.out.printf(Locale.ROOT, "%nper slide: sequential %.2f s, local[2] %.2f s, cluster %.2f s%n",
                    sequential / n, local / n, cluster / n);
            System.out.printf(Locale.ROOT, "ratio to sequential: local[2] %.2f, cluster %.2f; Spark's overhead per slide:"
                    + " local[2] %+.2f s, cluster %+.2f s (load %.2f)%n", local / sequential, cluster / sequential,
                    (local - sequential) / n, (cluster - sequential) / n, load());
        } finally {
            for (Process p : daemons) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    static List<String> cohortArgs(Path models, String master, Path out, Path cohort) {
        return List.of("cohort", "--models", models.toString(), "--master", master, "--executor-memory", "2g", "--bootstrap", "50", "--out", out.toString(), cohort.toString());
    }

    static double timed(String what, List<String> args) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = MarrowScopeCommand.commandLine((slide, software, e) -> 4);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        long t = System.nanoTime();
        int exit = cli.execute(args.toArray(String[]::new));
        double seconds = (System.nanoTime() - t) / 1e9;
        System.out.printf(Locale.ROOT, "%-32s %8.1f s  exit %d  (load %.2f)%n", what, seconds, exit, load());
        if (exit != 0) {
            System.out.println(err.toString().lines().filter(l -> !l.startsWith(" ")).limit(5).toList());
        }
        return seconds;
    }

    static double load() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static long count(Path log, String text) {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(text)).count();
        } catch (IOException e) {
            return 0;
        }
    }

    static Process start(Path work, String name, Path sparkHome, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptions().split(" ")));
        // INFO: the Master logs "Registering worker" at that level, which is how readiness is seen.
        cmd.addAll(List.of("-Xmx512m", "-Dmarrowscope.log=INFO", "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }
}
