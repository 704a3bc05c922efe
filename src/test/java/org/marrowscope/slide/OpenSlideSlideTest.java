package org.marrowscope.slide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.TestData;
import org.marrowscope.slide.AssociatedImage;
import org.marrowscope.slide.OpenSlideLibrary;
import org.marrowscope.slide.OpenSlideSlide;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.SlideException;
import org.marrowscope.slide.SlideException.Kind;
import org.marrowscope.slide.Slides;

class OpenSlideSlideTest {

    @Test
    void readsAperioMetadata() throws Exception {
        try (Slide slide = Slides.open(TestData.slide("CMU-1-Small-Region.svs"))) {
            assertThat(slide.format()).isEqualTo("aperio");
            assertThat(slide.width()).isEqualTo(2220);
            assertThat(slide.height()).isEqualTo(2967);
            assertThat(slide.levelCount()).isEqualTo(1);
            assertThat(slide.micronsPerPixel()).hasValueSatisfying(m -> {
                assertThat(m.x()).isCloseTo(0.499, within(1e-3));
                assertThat(m.source()).isEqualTo("openslide.mpp-x/y");
            });
            assertThat(slide.objectivePower()).contains(20.0);
            assertThat(slide.properties()).containsEntry("openslide.vendor", "aperio");
            assertThat(slide.associatedImages()).extracting(AssociatedImage::name)
                    .containsExactlyInAnyOrder("label", "macro", "thumbnail");
            assertThat(slide.associatedImages()).filteredOn(AssociatedImage::possiblyIdentifying)
                    .extracting(AssociatedImage::name).containsExactlyInAnyOrder("label", "macro");
        }
    }

    @Test
    void regionMatchesOpenSlidesOwnTool(@TempDir Path tmp) throws Exception {
        Path svs = TestData.slide("CMU-1-Small-Region.svs");
        Path png = tmp.resolve("region.png");
        Process p = new ProcessBuilder("openslide-write-png", svs.toString(), "700", "900", "0", "300", "200", png.toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor()).as("openslide-write-png (Debian package openslide-tools) must run").isZero();
        BufferedImage reference = ImageIO.read(png.toFile());
        try (Slide slide = Slides.open(svs)) {
            BufferedImage ours = slide.readRegion(0, 700, 900, 300, 200);
            assertThat(ours.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 200; y += 7) {
                for (int x = 0; x < 300; x += 5) {
                    assertThat(ours.getRGB(x, y) & 0xFFFFFF).as("pixel %d,%d", x, y)
                            .isEqualTo(reference.getRGB(x, y) & 0xFFFFFF);
                }
            }
        }
    }

    @Test
    void outsideTheScanIsWhite() throws Exception {
        try (Slide slide = Slides.open(TestData.slide("CMU-1-Small-Region.svs"))) {
            BufferedImage image = slide.readRegion(0, 2200, 2950, 64, 64);
            assertThat(image.getRGB(63, 63) & 0xFFFFFF).isEqualTo(0xFFFFFF);
            assertThat(image.getRGB(0, 0) & 0xFFFFFF).isNotEqualTo(0xFFFFFF);
        }
    }

    @Test
    void genericTiffPyramid() throws Exception {
        try (Slide slide = Slides.open(TestData.slide("boxes.tiff"))) {
            assertThat(slide.format()).isEqualTo("generic-tiff");
            assertThat(slide.width()).isEqualTo(300);
            assertThat(slide.height()).isEqualTo(250);
            assertThat(slide.levelCount()).isEqualTo(4);
            for (int i = 1; i < 4; i++) {
                assertThat(slide.level(i).downsample()).isGreaterThan(slide.level(i - 1).downsample());
            }
            BufferedImage level2 = slide.readRegion(2, 0, 0, (int) slide.level(2).width(), (int) slide.level(2).height());
            assertThat(level2.getWidth()).isEqualTo(slide.level(2).width());
            assertThat(slide.bestLevelForDownsample(2.5)).isEqualTo(1);
        }
    }

    @Test
    void tinySvs() throws Exception {
        try (Slide slide = Slides.open(TestData.slide("small.svs"))) {
            assertThat(slide.width()).isEqualTo(16);
            assertThat(slide.micronsPerPixel()).isPresent();
            assertThat(slide.readRegion(0, 0, 0, 16, 16).getWidth()).isEqualTo(16);
        }
    }

    @Test
    void unopenableTiffIsABrokenFile() {
        assertThatThrownBy(() -> Slides.open(TestData.slide("unopenable.tiff")))
                .isInstanceOfSatisfying(SlideException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.BROKEN_FILE);
                    assertThat(e.getMessage()).contains("unopenable.tiff").contains("Unsupported TIFF compression");
                });
    }

    @Test
    void unreadableSvsFailsOnReadWithOpenSlidesReason() throws Exception {
        try (Slide slide = Slides.open(TestData.slide("unreadable.svs"))) {
            SlideException first = catchSlideException(() -> slide.readRegion(0, 0, 0, 16, 16));
            assertThat(first.kind()).isEqualTo(Kind.READ_FAILED);
            assertThat(first.getMessage()).contains("unreadable.svs").startsWith("OpenSlide failed reading a region");
            // OpenSlide errors are sticky: the handle keeps failing with the same reason.
            SlideException second = catchSlideException(() -> slide.readRegion(0, 4, 4, 4, 4));
            assertThat(second.getMessage()).endsWith(first.getMessage().substring(first.getMessage().lastIndexOf(':')));
        }
    }

    private static SlideException catchSlideException(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(t).isInstanceOf(SlideException.class);
        return (SlideException) t;
    }

    @Test
    void readsAssociatedImagesOnRequest() throws Exception {
        try (Slide slide = Slides.open(TestData.slide("CMU-1-Small-Region.svs"))) {
            AssociatedImage thumb = slide.associatedImages().stream().filter(a -> a.name().equals("thumbnail")).findFirst().orElseThrow();
            BufferedImage image = slide.readAssociatedImage("thumbnail");
            assertThat(image.getWidth()).isEqualTo(thumb.width());
            assertThatThrownBy(() -> slide.readAssociatedImage("nope"))
                    .isInstanceOfSatisfying(SlideException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST));
        }
    }

    @Test
    void nonAsciiPath(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("Knochenmark-Ausstrich-ü-骨髓"));
        Path copy = Files.copy(TestData.slide("CMU-1-Small-Region.svs"), dir.resolve("Präparat-é-骨髓.svs"));
        try (Slide slide = Slides.open(copy)) {
            assertThat(slide.width()).isEqualTo(2220);
            assertThat(slide.readRegion(0, 100, 100, 32, 32).getWidth()).isEqualTo(32);
        }
    }

    @Test
    void readAfterCloseFailsAndDoubleCloseIsHarmless() throws Exception {
        Slide slide = Slides.open(TestData.slide("CMU-1-Small-Region.svs"));
        slide.close();
        slide.close();
        assertThatThrownBy(() -> slide.readRegion(0, 0, 0, 8, 8))
                .isInstanceOfSatisfying(SlideException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CLOSED));
    }

    @Test
    void concurrentReadersShareOneHandleAndCloseWaitsForThem() throws Exception {
        Slide slide = Slides.open(TestData.slide("CMU-1-Small-Region.svs"));
        int[] expected = pixels(slide.readRegion(0, 512, 512, 256, 256));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger good = new AtomicInteger();
        AtomicInteger closedErrors = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    try {
                        int[] got = pixels(slide.readRegion(0, 512, 512, 256, 256));
                        assertThat(got).isEqualTo(expected);
                        good.incrementAndGet();
                    } catch (SlideException e) {
                        assertThat(e.kind()).isEqualTo(Kind.CLOSED);
                        closedErrors.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        Thread.sleep(50);
        slide.close();
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertThat(good.get() + closedErrors.get()).isEqualTo(160);
        assertThat(good.get()).isPositive();
    }

    @Test
    void invalidRequestsAreRefused() throws Exception {
        try (Slide slide = Slides.open(TestData.slide("boxes.tiff"))) {
            assertThatThrownBy(() -> slide.readRegion(7, 0, 0, 8, 8))
                    .isInstanceOfSatisfying(SlideException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST));
            assertThatThrownBy(() -> slide.readRegion(0, 0, 0, 0, 8))
                    .isInstanceOfSatisfying(SlideException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST));
        }
    }

    @Test
    void missingLibraryTellsHowToInstallIt() {
        assertThatThrownBy(() -> OpenSlideLibrary.load(List.of("libopenslide-does-not-exist.so.9")))
                .isInstanceOfSatisfying(SlideException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.LIBRARY_MISSING);
                    assertThat(e.getMessage()).contains("apt-get install libopenslide0");
                });
    }

    @Test
    void reportsLibraryVersion() throws Exception {
        assertThat(OpenSlideSlide.libraryVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    private static int[] pixels(BufferedImage image) {
        return Arrays.copyOf(image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()),
                image.getWidth() * image.getHeight());
    }
}
