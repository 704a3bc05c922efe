package org.marrowscope.slide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.slide.SlideException.Kind;

class SlidesTest {

    @TempDir
    Path tmp;

    @Test
    void missingFile() {
        assertKind(tmp.resolve("nope.svs"), Kind.NOT_FOUND, "No such file");
    }

    @Test
    void directory() {
        assertKind(tmp, Kind.NOT_A_FILE, "is a folder");
    }

    @Test
    void zeroByteFile() throws Exception {
        Path empty = Files.createFile(tmp.resolve("empty.svs"));
        assertKind(empty, Kind.EMPTY_FILE, "empty (0 bytes)");
    }

    @Test
    void garbageIsNotRecognised() throws Exception {
        byte[] junk = new byte[4096];
        new Random(1).nextBytes(junk);
        Path file = Files.write(tmp.resolve("junk.svs"), junk);
        assertKind(file, Kind.UNRECOGNISED_FORMAT, "not a slide format");
    }

    @Test
    void plainPngFieldIsOneLevelSlideWithItsResolution() throws Exception {
        BufferedImage field = new BufferedImage(640, 480, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = field.createGraphics();
        g.setColor(new Color(200, 120, 180));
        g.fillOval(100, 100, 200, 150);
        g.dispose();
        Path png = tmp.resolve("field 100x.png");
        writePngWithPixelSize(field, png, 0.0001); // 0.1 um/px, a 100x oil-immersion camera field
        try (Slide slide = Slides.open(png)) {
            assertThat(slide.format()).isEqualTo("image/png");
            assertThat(slide.levelCount()).isEqualTo(1);
            assertThat(slide.width()).isEqualTo(640);
            assertThat(slide.micronsPerPixel()).hasValueSatisfying(m -> assertThat(m.x()).isCloseTo(0.1, within(1e-3)));
            BufferedImage region = slide.readRegion(0, 190, 165, 20, 20);
            assertThat(region.getRGB(10, 10) & 0xFFFFFF).isEqualTo(0xC878B4);
            // Transparent pixels of the picture and anything beyond its edge read as white glass.
            assertThat(slide.readRegion(0, 0, 0, 4, 4).getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
            assertThat(slide.readRegion(0, 630, 470, 20, 20).getRGB(19, 19) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        }
    }

    @Test
    void untiledCameraTiffOpensAsPicture() throws Exception {
        BufferedImage field = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        field.setRGB(5, 5, 0x123456);
        Path tif = tmp.resolve("camera.tif");
        assertThat(ImageIO.write(field, "tiff", tif.toFile())).isTrue();
        try (Slide slide = Slides.open(tif)) {
            assertThat(slide.format()).isEqualTo("image/tif");
            assertThat(slide.readRegion(0, 5, 5, 1, 1).getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x123456);
        }
    }

    @Test
    void truncatedPngIsBroken() throws Exception {
        BufferedImage field = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Path png = tmp.resolve("cut.png");
        ImageIO.write(field, "png", png.toFile());
        byte[] bytes = Files.readAllBytes(png);
        Files.write(png, java.util.Arrays.copyOf(bytes, 60));
        assertKind(png, Kind.BROKEN_FILE, "damaged");
    }

    private static void assertKind(Path path, Kind kind, String messagePart) {
        assertThatThrownBy(() -> Slides.open(path)).isInstanceOfSatisfying(SlideException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    private static void writePngWithPixelSize(BufferedImage image, Path out, double millimetresPerPixel) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
        // The PNG plug-in's standard-tree merge mis-converts pixel sizes, so write the native pHYs chunk.
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        IIOMetadataNode phys = new IIOMetadataNode("pHYs");
        String pixelsPerMetre = Long.toString(Math.round(1000 / millimetresPerPixel));
        phys.setAttribute("pixelsPerUnitXAxis", pixelsPerMetre);
        phys.setAttribute("pixelsPerUnitYAxis", pixelsPerMetre);
        phys.setAttribute("unitSpecifier", "meter");
        root.appendChild(phys);
        metadata.mergeTree("javax_imageio_png_1.0", root);
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out.toFile())) {
            writer.setOutput(stream);
            writer.write(new IIOImage(image, null, metadata));
        } finally {
            writer.dispose();
        }
    }
}
