package org.marrowscope.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.SparkExecutorInfo;
import org.apache.spark.launcher.JavaModuleOptions;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.cli.MarrowScopeCommand;
import org.marrowscope.pipeline.result.ResultStore;
import org.marrowscope.synth.SyntheticSlideWriter;
import org.marrowscope.synth.smear.SmearClass;
import org.marrowscope.synth.smear.SmearSpec;
import org.marrowscope.synth.tiff.TiffWriteOptions;
import org.marrowscope.synth.tiff.WriteProgress;
import picocli.CommandLine;

/**
 * A real standalone cluster on the loopback address: a Spark Master and two Workers (1 core each) as separate JVMs
 * from this test's class path, and `marrowscope cohort --master spark://...` as the driver. One Worker is killed
 * with its executor (a node lost) while both executors are running slides; every slide must still be done exactly
 * once: one row each, one whole result each, no part file.
 */
class StandaloneClusterTest {

    static final String MODELS = "src/test/resources/models";

    @TempDir
    static Path dir;

    static final List<Process> daemons = new ArrayList<>();

    @AfterAll
    static void stopCluster() {
        for (Process p : daemons) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A daemon JVM from this class path, with Spark's module opens and its log (INFO) in a file. */
    static Process start(String name, Path sparkHome, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptions().split(" ")));
        cmd.addAll(List.of("-Xmx512m", "-Dmarrowscope.log=INFO", "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        // A Worker builds its executors' class path from SPARK_HOME/jars (empty here: the executors get this test's
        // class path from spark.executor.extraClassPath, as `cohort` sets it for a cluster).
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = pb.start();
        daemons.add(p);
        return p;
    }

    static void await(String what, long seconds, java.util.function.BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    static long count(Path log, String text) {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(text)).count();
        } catch (IOException e) {
            return 0;
        }
    }

    static long results(Path out) {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.getFileName().toString().endsWith(ResultStore.SUFFIX)).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Executors (the driver excluded) running a task now, as the driver's status tracker sees them. */
    static long busyExecutors() {
        var session = SparkSession.getDefaultSession();
        if (session.isEmpty()) {
            return 0;
        }
        SparkExecutorInfo[] infos = session.get().sparkContext().statusTracker().getExecutorInfos();
        return Arrays.stream(infos).filter(i -> i.numRunningTasks() > 0).count();
    }

    @Test
    void sixSlidesOnTwoWorkersEachDoneExactlyOnceAlthoughAWorkerIsKilledMidJob() throws Exception {
        List<Path> slides = new ArrayList<>();
        StringBuilder csv = new StringBuilder("slide\n");
        SmearClass[] kinds = {SmearClass.CML, SmearClass.AML, SmearClass.MM};
        for (int i = 0; i < 6; i++) {
            Path slide = dir.resolve("slide-" + i + ".tiff");
            SyntheticSlideWriter.write(SmearSpec.of(kinds[i % 3], 60 + i, 4000, 3000), slide, TiffWriteOptions.defaults(),
                    WriteProgress.NONE, "test");
            slides.add(slide);
            csv.append(slide.getFileName()).append('\n');
        }
        Path cohort = Files.writeString(dir.resolve("cohort.csv"), csv);
        Path sparkHome = Files.createDirectories(dir.resolve("spark-home"));
        Files.createDirectories(sparkHome.resolve("jars"));
        int port = freePort();
        String master = "spark://127.0.0.1:" + port;
        start("master", sparkHome, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--webui-port", Integer.toString(freePort()));
        List<Process> workers = new ArrayList<>();
        for (int w = 1; w <= 2; w++) {
            workers.add(start("worker-" + w, sparkHome, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--cores", "1", "--memory", "2g", "--webui-port", Integer.toString(freePort()), "--work-dir",
                    Files.createDirectories(dir.resolve("work-" + w)).toString(), master));
        }
        Path masterLog = dir.resolve("master.log");
        await("two workers to register with the master", 240, () -> count(masterLog, "Registering worker") >= 2);

        Path out = Files.createDirectories(dir.resolve("out"));
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CompletableFuture<Integer> job = CompletableFuture.supplyAsync(() -> {
            CommandLine cli = MarrowScopeCommand.commandLine((slide, software, err) -> 4);
            cli.setOut(new PrintWriter(stdout, true));
            cli.setErr(new PrintWriter(stderr, true));
            return cli.execute("cohort", "--quality-model", MODELS + "/tiny-quality", "--classifier", MODELS + "/tiny-cnn",
                    "--classifier", MODELS + "/tiny-resnet", "--rois", "4", "--device", "cpu", "--master", master,
                    "--executor-memory", "1g", "--tries", "3", "--out", out.toString(), cohort.toString());
        });
        // Kill when a slide is done and both executors are running one: the node dies with a slide in flight.
        await("a result and both executors busy", 480, () -> job.isDone() || results(out) >= 1 && busyExecutors() == 2);
        assertThat(job.isDone()).as("the job ended before a worker could be killed: %s %s", stdout, stderr).isFalse();
        long doneAtKill = results(out);
        Process killed = workers.getFirst();
        killed.descendants().forEach(ProcessHandle::destroyForcibly);
        killed.destroyForcibly();

        int exit = job.get(10, TimeUnit.MINUTES);
        assertThat(exit).as(stderr.toString()).isZero();
        assertThat(doneAtKill).isLessThan(6);
        assertThat(stdout.toString()).contains("6 slides: 6 classified, 0 refused, 0 failed");
        List<Map<String, String>> rows;
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(out.resolve("summary.csv").toFile())) {
            rows = it.readAll();
        }
        assertThat(rows).extracting(r -> r.get("slide"))
                .containsExactlyInAnyOrderElementsOf(slides.stream().map(Path::toString).toList());
        assertThat(rows).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("classified"));
        // The slide the lost node was running was tried again on the other one.
        assertThat(rows).anySatisfy(r -> assertThat(Integer.parseInt(r.get("attempt"))).isGreaterThan(1));
        assertThat(rows).extracting(r -> r.get("executor")).allSatisfy(e -> assertThat(e).doesNotStartWith("driver"));
        for (Path slide : slides) {
            assertThat(ResultStore.read(new ResultStore(out).location(slide)).classifiable()).isTrue();
        }
        assertThat(results(out)).isEqualTo(6);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part"))).isEmpty();
        }
    }
}
