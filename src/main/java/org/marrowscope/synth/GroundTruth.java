package org.marrowscope.synth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.marrowscope.synth.smear.QualityLabel;
import org.marrowscope.synth.smear.SmearClass;
import org.marrowscope.synth.smear.StainVariation;

/**
 * What a synthetic slide truly shows, saved beside it as {@code NAME.truth.json}: its class, tumour burden,
 * seed and stain, and the quality of every tile of the pipeline's grid (512 px, stride 256 at level 0), so
 * stage 1 can be trained and checked against the generator's own truth.
 *
 * @param formatVersion 1
 * @param generator software that wrote the slide
 * @param slide the slide's file name
 * @param micronsPerPixel level-0 resolution
 * @param tiles per-tile quality truth
 */
public record GroundTruth(int formatVersion, String generator, String slide, SmearClass smearClass, long seed,
        double tumourBurden, long width, long height, double micronsPerPixel, StainVariation stain, TileTruth tiles) {

    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * The quality label of each grid tile, one string per tile row, one letter per tile (see {@link #legend}).
     *
     * @param size tile edge in level-0 pixels
     * @param stride step between tiles
     */
    public record TileTruth(int size, int stride, int columns, int rows, Map<String, QualityLabel> legend,
            List<String> quality) {

        /** The letter each label is written as. */
        public static final Map<QualityLabel, Character> LETTERS = Map.of(QualityLabel.GOOD, 'G', QualityLabel.THICK, 'T',
                QualityLabel.SPARSE, 'S', QualityLabel.FAT, 'F', QualityLabel.PRECIPITATE, 'P', QualityLabel.BLUR, 'B',
                QualityLabel.BACKGROUND, '_');

        public QualityLabel at(int column, int row) {
            return legend.get(String.valueOf(quality.get(row).charAt(column)));
        }
    }

    public static ObjectMapper json() {
        return JSON;
    }

    public static GroundTruth read(Path file) throws IOException {
        GroundTruth truth = JSON.readValue(file.toFile(), GroundTruth.class);
        if (truth.formatVersion() != FORMAT_VERSION) {
            throw new IOException("ground truth " + file + " has format version " + truth.formatVersion());
        }
        return truth;
    }

    /** The sidecar file of a slide: {@code aml-7.tiff} has {@code aml-7.truth.json}. */
    public static Path sidecarOf(Path slide) {
        String name = slide.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return slide.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".truth.json");
    }
}
