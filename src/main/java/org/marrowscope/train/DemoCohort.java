package org.marrowscope.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.marrowscope.io.AtomicFiles;
import org.marrowscope.pipeline.CancellationToken;
import org.marrowscope.synth.GroundTruth;
import org.marrowscope.synth.smear.SmearClass;
import org.marrowscope.synth.SyntheticSlideWriter;
import org.marrowscope.synth.smear.SmearSpec;
import org.marrowscope.synth.tiff.TiffWriteOptions;
import org.marrowscope.synth.tiff.WriteProgress;

/**
 * A synthetic cohort (smears from {@code org.marrowscope.synth}, README "Synthetic slides") written as slides plus a
 * {@code labels.csv}: slide {@code i} (0-based) has class {@code i mod 5} in the paper's order (ALL, AML, CML,
 * Lymphoma, MM) and seed {@code firstSeed + i}; burden and stain are drawn from the seed by the generator,
 * independently of the class. Existing slides with their ground-truth sidecar are kept, so an interrupted generation
 * continues where it stopped.
 *
 * @param folder where the slides and labels.csv go
 * @param perClass slides per class
 * @param firstSeed seed of slide 0
 * @param width level-0 width of each slide
 * @param height level-0 height
 */
public record DemoCohort(Path folder, int perClass, long firstSeed, long width, long height) {

    /** A slide of the cohort. */
    public record Member(int index, SmearClass smearClass, long seed, Path slide) {
    }

    public List<Member> members() {
        SmearClass[] classes = SmearClass.values();
        List<Member> out = new ArrayList<>();
        for (int i = 0; i < perClass * classes.length; i++) {
            SmearClass c = classes[i % classes.length];
            long seed = firstSeed + i;
            out.add(new Member(i, c, seed, folder.resolve(String.format("%s-%03d-seed%d.tiff",
                    c.label().toLowerCase(java.util.Locale.ROOT), i, seed))));
        }
        return out;
    }

    public Path labels() {
        return folder.resolve("labels.csv");
    }

    /** Writes the missing slides and the labels file. */
    public void write(int threads, String generator, TrainingListener listener, CancellationToken cancel)
            throws IOException, InterruptedException {
        Files.createDirectories(folder);
        List<Member> members = members();
        StringBuilder labels = new StringBuilder("slide,diagnosis\n");
        for (Member m : members) {
            cancel.throwIfCancelled();
            listener.onTask("Writing synthetic slides (" + folder.getFileName() + ")", m.index(), members.size());
            if (!Files.isRegularFile(m.slide()) || !Files.isRegularFile(GroundTruth.sidecarOf(m.slide()))) {
                SyntheticSlideWriter.write(SmearSpec.of(m.smearClass(), m.seed(), width, height), m.slide(),
                        TiffWriteOptions.defaults().withThreads(Math.max(1, threads)), WriteProgress.NONE, generator);
            }
            labels.append(m.slide().getFileName()).append(',').append(m.smearClass().label()).append('\n');
        }
        listener.onTask("Writing synthetic slides (" + folder.getFileName() + ")", members.size(), members.size());
        AtomicFiles.write(labels(), labels.toString().getBytes(StandardCharsets.UTF_8));
    }
}
