import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.marrowscope.pipeline.CancellationToken;
import org.marrowscope.pipeline.PipelineSettings;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.Outcome;
import org.marrowscope.service.ClassifyRequest;
import org.marrowscope.service.InferenceService;
import org.marrowscope.service.ModelSelection;
import org.marrowscope.service.OutOfDomainInputs;
import org.marrowscope.synth.smear.SmearClass;

/**
 * The out-of-domain evaluation of the "know when not to answer" work, larger than the test suite's: every kind of
 * foreign picture of DomainGuardTest at several calibrations and seeds, synthetic smears given wrong calibrations,
 * and, when a folder of real stained cell pictures is given (peripheral blood, 100x oil, about 0.1 um/px), fields
 * composed from them and the single cells. Prints one line per input and the counts by outcome.
 *
 * <p>Run after {@code ./mvnw -DskipTests package test-compile}:
 * <pre>java -Dmarrowscope.testdata=target/test-classes/slides -cp "target/test-classes:target/marrowscope/lib/*" \
 *     src/bench/java/OodEvaluation.java models [CELLS_DIR]</pre>
 */
public class OodEvaluation {

    record Input(String name, Path file, Double mpp, boolean foreign) {
    }

    public static void main(String[] args) throws Exception {
        Path models = Path.of(args[0]).toAbsolutePath();
        Path cells = args.length > 1 ? Path.of(args[1]) : null;
        Path dir = Files.createTempDirectory("ood-eval");
        ModelSelection demo = new ModelSelection(models.resolve("demo-quality"), List.of(models.resolve("demo-resnet"),
                models.resolve("demo-densenet"), models.resolve("demo-mobilenet")));
        List<Input> inputs = new ArrayList<>();
        Path he = OutOfDomainInputs.png(OutOfDomainInputs.hematoxylinEosin(), dir, "he");
        for (double mpp : new double[] {0.1, 0.25, 0.35, 0.5, 0.75}) {
            inputs.add(new Input("H&E section", he, mpp, true));
        }
        for (long seed = 1; seed <= 4; seed++) {
            Path noise = OutOfDomainInputs.png(OutOfDomainInputs.noise(1536, seed), dir, "noise-" + seed);
            Path clouds = OutOfDomainInputs.png(OutOfDomainInputs.clouds(1536, seed), dir, "clouds-" + seed);
            for (double mpp : new double[] {0.1, 0.25, 0.5}) {
                inputs.add(new Input("RGB noise " + seed, noise, mpp, true));
                inputs.add(new Input("fractal clouds " + seed, clouds, mpp, true));
            }
        }
        Path gradient = OutOfDomainInputs.png(OutOfDomainInputs.gradient(1536), dir, "gradient");
        Path icon = Path.of("icons", "marrowscope-512.png").toAbsolutePath();
        for (double mpp : new double[] {0.1, 0.25, 0.5}) {
            inputs.add(new Input("colour gradient", gradient, mpp, true));
            inputs.add(new Input("app icon", icon, mpp, true));
        }
        SmearClass[] classes = SmearClass.values();
        for (int c = 0; c < classes.length; c++) {
            BufferedImage field = OutOfDomainInputs.smearField(classes[c], 777_000 + c);
            Path own = OutOfDomainInputs.png(field, dir, "smear-" + c);
            Path hePalette = OutOfDomainInputs.png(OutOfDomainInputs.hePalette(field), dir, "smear-he-" + c);
            Path grey = OutOfDomainInputs.png(OutOfDomainInputs.grey(field), dir, "smear-grey-" + c);
            inputs.add(new Input("synthetic " + classes[c] + " smear, right calibration", own, 0.25, false));
            for (double mpp : new double[] {0.0625, 0.125, 0.5, 1.0}) {
                inputs.add(new Input("synthetic " + classes[c] + " smear, wrong calibration", own, mpp, true));
            }
            inputs.add(new Input("synthetic " + classes[c] + " smear in an H&E palette", hePalette, 0.25, true));
            inputs.add(new Input("synthetic " + classes[c] + " smear in grey", grey, 0.25, true));
        }
        if (cells != null) {
            List<BufferedImage> pictures = new ArrayList<>();
            List<Path> files;
            try (Stream<Path> walk = Files.walk(cells)) {
                files = walk.filter(p -> p.toString().matches(".*\\.(tiff|tif|jpg|png)$")).sorted().toList();
            }
            for (Path f : files) {
                BufferedImage img = ImageIO.read(f.toFile());
                if (img != null) {
                    pictures.add(img);
                    for (double mpp : new double[] {0.1, 0.25}) {
                        inputs.add(new Input("real single cell " + f.getFileName(), f.toAbsolutePath(), mpp, true));
                    }
                }
            }
            for (long seed = 1; seed <= 3; seed++) {
                Path field = OutOfDomainInputs.png(compose(pictures, 2560, seed), dir, "cells-" + seed);
                for (double mpp : new double[] {0.05, 0.1, 0.15, 0.25}) {
                    inputs.add(new Input("field of real blood cells " + seed, field, mpp, true));
                }
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        int foreign = 0;
        int refused = 0;
        int classifiedUnflagged = 0;
        try (InferenceService service = new InferenceService("ood-eval", 2)) {
            for (Input in : inputs) {
                ClassificationResult r = service.classify(new ClassifyRequest(in.file(), demo,
                        PipelineSettings.PAPER.withMicronsPerPixel(in.mpp()), dir.resolve("results"), false, "cpu"),
                        p -> { }, new CancellationToken()).result();
                String outcome = r.outcome().status() == Outcome.Status.CLASSIFIED
                        ? "classified " + r.diagnosis() + (r.uncertain() ? " (uncertain)" : "") : r.outcome().code();
                System.out.printf(Locale.ROOT, "%-55s %7.4f um/px -> %-32s %s%n", in.name(), in.mpp(), outcome,
                        evidence(r));
                if (in.foreign()) {
                    foreign++;
                    counts.merge(r.outcome().code(), 1, Integer::sum);
                    if (r.outcome().status() != Outcome.Status.CLASSIFIED) {
                        refused++;
                    } else if (!r.uncertain()) {
                        classifiedUnflagged++;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nforeign or wrongly calibrated inputs: %d; refused %d (%.1f%%); classified"
                + " without an uncertainty flag: %d; by reason code: %s%n", foreign, refused, 100.0 * refused / foreign,
                classifiedUnflagged, counts);
    }

    /** The numbers behind an outcome: the ensemble's best mean probability and the largest share of unlike tiles. */
    static String evidence(ClassificationResult r) {
        String best = r.ensemble() == null ? "-" : String.format(Locale.ROOT, "%.2f",
                r.ensemble().meanProbability()[r.ensemble().winner()]);
        double unlike = r.domain() == null ? 0 : r.domain().models().stream()
                .mapToDouble(m -> m.fraction()).max().orElse(0);
        return String.format(Locale.ROOT, "best p %s, unlike tiles up to %.0f%%", best, 100 * unlike);
    }

    /** A field of real cells scattered on their own background colour, as a smear of them would look. */
    static BufferedImage compose(List<BufferedImage> cells, int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(cells.getFirst().getRGB(2, 2)));
        g.fillRect(0, 0, size, size);
        for (int i = 0; i < 60; i++) {
            BufferedImage c = cells.get(r.nextInt(cells.size()));
            g.drawImage(c, r.nextInt(size - c.getWidth()), r.nextInt(size - c.getHeight()), null);
        }
        g.dispose();
        return out;
    }
}
