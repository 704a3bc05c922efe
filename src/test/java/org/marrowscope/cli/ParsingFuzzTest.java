package org.marrowscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.TestData;
import org.marrowscope.pipeline.SampleResults;
import org.marrowscope.pipeline.result.InvalidResultException;
import org.marrowscope.pipeline.result.ResultStore;
import org.marrowscope.pipeline.result.ResultVerifier;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.SlideException;
import org.marrowscope.slide.SlideLevel;
import org.marrowscope.slide.Slides;

/**
 * Issue 12: a seeded, time-bounded fuzz of slide and result parsing. Mutated slides (bit flips, truncation, header
 * words set to extreme values, zeroed and duplicated ranges) go through {@code info} and a read of every level;
 * mutated results (bytes, and JSON edits with a recomputed digest so that the schema and consistency checks are
 * reached) go through {@link ResultStore#read} and {@code report}. Nothing may end in a stack trace, exit 1 or a
 * hang. {@code -Dmarrowscope.fuzz.seed} and {@code -Dmarrowscope.fuzz.seconds} (per half) change the run; the
 * figures are printed and written to {@code target/fuzz-report.txt}.
 */
class ParsingFuzzTest {

    static final long SEED = Long.getLong("marrowscope.fuzz.seed", 12);
    static final long SECONDS = Long.getLong("marrowscope.fuzz.seconds", 20);
    static final long CASE_TIMEOUT_SECONDS = 20;
    static final ObjectMapper JSON = ResultStore.json();

    @TempDir
    Path tmp;

    @Test
    void slidesAndResultsNeverCrashHangOrExit1() throws Exception {
        StringBuilder report = new StringBuilder();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        });
        try {
            report.append(fuzzSlides(worker)).append('\n').append(fuzzResults(worker)).append('\n');
        } finally {
            worker.shutdownNow();
        }
        System.out.print(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "fuzz-report.txt"), report);
    }

    private String fuzzSlides(ExecutorService worker) throws Exception {
        List<Path> seeds = new ArrayList<>();
        seeds.add(HostileFixtures.synth(tmp.resolve("seed.tiff"), "AML", 77));
        seeds.add(TestData.slide("small.svs"));
        seeds.add(TestData.slide("boxes.tiff"));
        BufferedImage field = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = field.createGraphics();
        g.setColor(new Color(210, 140, 190));
        g.fillOval(40, 30, 200, 150);
        g.dispose();
        for (String format : new String[] {"png", "jpg", "bmp"}) {
            Path p = tmp.resolve("seed." + format);
            ImageIO.write(field, format, p.toFile());
            seeds.add(p);
        }
        SplittableRandom random = new SplittableRandom(SEED);
        Map<Integer, Integer> byCode = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
        int tried = 0;
        while (System.nanoTime() < deadline) {
            Path seed = seeds.get(random.nextInt(seeds.size()));
            byte[] bytes = mutate(Files.readAllBytes(seed), random);
            String name = seed.getFileName().toString();
            Path file = Files.write(tmp.resolve("fuzz-" + tried + name.substring(name.lastIndexOf('.'))), bytes);
            tried++;
            Future<String> run = worker.submit(() -> openAndRead(file));
            String outcome;
            try {
                outcome = run.get(CASE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                run.cancel(true);
                failures.add("hang on " + file + " (mutated from " + name + ")");
                break;
            }
            int code = Integer.parseInt(outcome.substring(0, outcome.indexOf(' ')));
            byCode.merge(code, 1, Integer::sum);
            if (code == 1 || outcome.contains("\tat ")) {
                failures.add(file + " (from " + name + "): " + outcome);
                Files.copy(file, Path.of("target", file.getFileName().toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.delete(file);
            }
        }
        assertThat(failures).as("slide inputs that crashed or hung").isEmpty();
        return String.format("fuzz slides: seed %d, %d s, %d mutated inputs from %d seeds, outcomes by exit code %s",
                SEED, SECONDS, tried, seeds.size(), byCode);
    }

    /** info through the command line, then every level read through the slide API; "CODE message". */
    private static String openAndRead(Path file) {
        CliRunner info = CliRunner.run("info", "--no-properties", file.toString());
        if (info.exitCode() != 0) {
            return info.exitCode() + " " + info.err();
        }
        try (Slide slide = Slides.open(file)) {
            for (SlideLevel level : slide.levels()) {
                long x = (long) (level.width() / 2 * level.downsample());
                long y = (long) (level.height() / 2 * level.downsample());
                slide.readRegion(level.index(), x, y, 64, 64);
            }
            return "0 read";
        } catch (SlideException e) {
            return e.kind().exitCode() + " " + e.getMessage();
        } catch (Throwable t) {
            return "1 " + t + "\n\tat " + Arrays.toString(t.getStackTrace());
        }
    }

    private static byte[] mutate(byte[] in, SplittableRandom r) {
        byte[] b = in.clone();
        switch (r.nextInt(5)) {
            case 0 -> {
                for (int i = 0, n = 1 + r.nextInt(16); i < n; i++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 1 -> b = Arrays.copyOf(b, r.nextInt(b.length));
            case 2 -> {
                // A header or directory word set to an extreme value: sizes, offsets, counts.
                int[] extremes = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 1 << 20, 65535, r.nextInt()};
                int at = r.nextInt(Math.max(1, Math.min(b.length - 4, 4096)));
                int v = extremes[r.nextInt(extremes.length)];
                for (int k = 0; k < 4 && at + k < b.length; k++) {
                    b[at + k] = (byte) (v >>> (8 * (r.nextBoolean() ? k : 3 - k)));
                }
            }
            case 3 -> {
                int from = r.nextInt(b.length);
                Arrays.fill(b, from, Math.min(b.length, from + 1 + r.nextInt(4096)), (byte) 0);
            }
            default -> {
                int from = r.nextInt(b.length);
                int len = Math.min(b.length - from, 1 + r.nextInt(2048));
                byte[] out = new byte[b.length + len];
                System.arraycopy(b, 0, out, 0, from + len);
                System.arraycopy(b, from, out, from + len, b.length - from);
                b = out;
            }
        }
        return b;
    }

    private String fuzzResults(ExecutorService worker) throws Exception {
        Path slide = Files.writeString(tmp.resolve("r.tiff"), "x");
        Path valid = new ResultStore(tmp.resolve("results")).save(slide, SampleResults.result(30, "AML", 20000, 15000));
        byte[] original = Files.readAllBytes(valid);
        JsonNode tree = JSON.readTree(original);
        SplittableRandom random = new SplittableRandom(SEED + 1);
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<Integer, Integer> reportCodes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
        int tried = 0;
        Path file = tmp.resolve("fuzz.marrowscope.json");
        while (System.nanoTime() < deadline) {
            boolean structural = random.nextBoolean();
            byte[] bytes = structural ? editAndRedigest(tree.deepCopy(), random) : mutate(original, random);
            Files.write(file, bytes);
            tried++;
            Future<String> run = worker.submit(() -> {
                try {
                    ResultStore.read(file);
                    return "accepted";
                } catch (InvalidResultException e) {
                    return "refused (exit 24)";
                } catch (Throwable t) {
                    return "CRASH " + t;
                }
            });
            String outcome;
            try {
                outcome = run.get(CASE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                run.cancel(true);
                failures.add("hang on a result mutation " + tried);
                break;
            }
            outcomes.merge((structural ? "edited+redigested " : "bytes ") + outcome, 1, Integer::sum);
            if (outcome.startsWith("CRASH")) {
                failures.add(outcome);
                Files.write(Path.of("target", "fuzz-result-" + tried + ".json"), bytes);
            }
            if (tried % 25 == 0) {
                CliRunner r = CliRunner.run("report", slide.toString(), "--result", file.toString(), "-o",
                        tmp.resolve("fuzz.pdf").toString());
                reportCodes.merge(r.exitCode(), 1, Integer::sum);
                if (r.exitCode() == 1 || r.err().contains("\tat ")) {
                    failures.add("report: " + r.err());
                }
            }
        }
        assertThat(failures).as("result inputs that crashed or hung").isEmpty();
        return String.format("fuzz results: seed %d, %d s, %d mutated results, outcomes %s; every 25th through"
                + " `report`, exit codes %s", SEED + 1, SECONDS, tried, outcomes, reportCodes);
    }

    /** One random edit somewhere in the tree, then the digest recomputed as a forger would. */
    private static byte[] editAndRedigest(JsonNode root, SplittableRandom r) throws IOException {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(r.nextInt(containers.size()));
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode[] values = {f.nullNode(), f.textNode("x"), f.numberNode(-1), f.numberNode(Long.MAX_VALUE),
            f.numberNode(1e308), f.textNode("NaN"), f.arrayNode(), f.objectNode(), f.booleanNode(true), f.numberNode(0),
            f.numberNode(0.5)};
        JsonNode value = values[r.nextInt(values.length)];
        if (target instanceof ObjectNode o && o.size() > 0) {
            List<String> names = new ArrayList<>();
            Iterator<String> it = o.fieldNames();
            it.forEachRemaining(names::add);
            String field = names.get(r.nextInt(names.size()));
            if (r.nextInt(4) == 0) {
                o.remove(field);
            } else {
                o.set(field, value);
            }
        } else if (target instanceof ArrayNode a && a.size() > 0) {
            int i = r.nextInt(a.size());
            switch (r.nextInt(3)) {
                case 0 -> a.remove(i);
                case 1 -> a.add(a.get(i).deepCopy());
                default -> a.set(i, value);
            }
        }
        ObjectNode top = (ObjectNode) root;
        top.remove(ResultVerifier.DIGEST_FIELD);
        try {
            top.put(ResultVerifier.DIGEST_FIELD, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(top))));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return JSON.writeValueAsBytes(top);
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            node.forEach(child -> collect(child, out));
        }
    }
}
