package org.marrowscope.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marrowscope.io.AtomicFiles;
import org.marrowscope.synth.GroundTruth.TileTruth;
import org.marrowscope.synth.smear.QualityLabel;
import org.marrowscope.synth.smear.SmearRenderer;
import org.marrowscope.synth.smear.SmearSpec;
import org.marrowscope.synth.tiff.PyramidalTiffWriter;
import org.marrowscope.synth.tiff.TiffWriteOptions;
import org.marrowscope.synth.tiff.WriteProgress;

/** Renders a synthetic smear into an OpenSlide-readable pyramidal TIFF with its ground-truth sidecar. */
public final class SyntheticSlideWriter {

    /** The pipeline's grid at 40x, which the sidecar's per-tile truth follows. */
    public static final int TRUTH_TILE = 512;
    public static final int TRUTH_STRIDE = 256;

    private SyntheticSlideWriter() {
    }

    /**
     * Writes {@code out} and {@code out}'s sidecar. Both appear only when complete; a cancelled (interrupted)
     * or failed write leaves neither.
     */
    public static GroundTruth write(SmearSpec spec, Path out, TiffWriteOptions options, WriteProgress progress, String generator)
            throws IOException, InterruptedException {
        SmearRenderer renderer = new SmearRenderer(spec);
        TiffWriteOptions withScale = options.withMicronsPerPixel(spec.micronsPerPixel())
                .withDescription(String.format(Locale.ROOT, "MarrowScope synthetic bone marrow aspirate|class=%s|seed=%d|burden=%.3f",
                        spec.smearClass().label(), spec.seed(), spec.tumourBurden()));
        GroundTruth truth = new GroundTruth(GroundTruth.FORMAT_VERSION, generator, out.getFileName().toString(),
                spec.smearClass(), spec.seed(), spec.tumourBurden(), spec.width(), spec.height(), spec.micronsPerPixel(),
                spec.stain(), tileTruth(renderer));
        new PyramidalTiffWriter().write(renderer, out, withScale, progress);
        try {
            AtomicFiles.write(GroundTruth.sidecarOf(out), GroundTruth.json().writeValueAsBytes(truth));
        } catch (IOException e) {
            java.nio.file.Files.deleteIfExists(out);
            throw e;
        }
        return truth;
    }

    static TileTruth tileTruth(SmearRenderer renderer) {
        long w = renderer.width();
        long h = renderer.height();
        int columns = w < TRUTH_TILE ? 0 : (int) ((w - TRUTH_TILE) / TRUTH_STRIDE + 1);
        int rows = h < TRUTH_TILE ? 0 : (int) ((h - TRUTH_TILE) / TRUTH_STRIDE + 1);
        List<String> quality = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            StringBuilder line = new StringBuilder(columns);
            for (int c = 0; c < columns; c++) {
                QualityLabel label = renderer.dominantQuality((long) c * TRUTH_STRIDE, (long) r * TRUTH_STRIDE, TRUTH_TILE, TRUTH_TILE);
                line.append(TileTruth.LETTERS.get(label));
            }
            quality.add(line.toString());
        }
        Map<String, QualityLabel> legend = new LinkedHashMap<>();
        for (QualityLabel label : QualityLabel.values()) {
            legend.put(String.valueOf(TileTruth.LETTERS.get(label)), label);
        }
        return new TileTruth(TRUTH_TILE, TRUTH_STRIDE, columns, rows, legend, quality);
    }
}
