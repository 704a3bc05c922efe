package org.marrowscope.synth.tiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.slide.MicronsPerPixel;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.SlideLevel;

/** Slides written by {@link PyramidalTiffWriter}, read back with OpenSlide 3.4.1. */
class PyramidalTiffWriterTest {

    private static final TestPatternRenderer SLIDE = new TestPatternRenderer(3000, 2000);
    private static final TiffWriteOptions DEFLATE = TiffWriteOptions.defaults()
            .withCompression(TiffWriteOptions.Compression.DEFLATE).withThreads(3);
    private static final TiffWriteOptions JPEG = TiffWriteOptions.defaults().withThreads(3);

    @TempDir
    static Path dir;
    private static Path deflateSlide;
    private static Path jpegSlide;

    @BeforeAll
    static void writeSlides() throws Exception {
        deflateSlide = dir.resolve("deflate.tiff");
        jpegSlide = dir.resolve("jpeg.tiff");
        new PyramidalTiffWriter().write(SLIDE, deflateSlide, DEFLATE, WriteProgress.NONE);
        new PyramidalTiffWriter().write(SLIDE, jpegSlide, JPEG, WriteProgress.NONE);
    }

    @Test
    void deflateLevelZeroEqualsTheRendererIncludingEdgeTiles() throws Exception {
        try (Slide slide = OpenSlideReads.open(deflateSlide)) {
            List<long[]> regions = List.of(
                    new long[] {0, 0, 512, 512},
                    new long[] {200, 250, 700, 300},       // across tile borders and colour patches
                    new long[] {2816, 1792, 184, 208},     // the bottom-right edge tile, with noise
                    new long[] {2700, 0, 300, 600},        // right edge column
                    new long[] {1000, 1900, 600, 100},     // bottom edge row
                    new long[] {1400, 700, 400, 400});     // hard-edged squares
            for (long[] r : regions) {
                int w = (int) r[2];
                int h = (int) r[3];
                OpenSlideReads.assertSamePixels(OpenSlideReads.region(slide, 0, r[0], r[1], w, h),
                        SLIDE.expected(0, r[0], r[1], w, h), w,
                        String.format("level-0 region %d,%d %dx%d", r[0], r[1], w, h));
            }
        }
    }

    @Test
    void deflateReducedLevelsAreExactTwoByTwoAverages() throws Exception {
        try (Slide slide = OpenSlideReads.open(deflateSlide)) {
            for (int level = 1; level < slide.levelCount(); level++) {
                SlideLevel l = slide.level(level);
                int w = (int) l.width();
                int h = (int) l.height();
                OpenSlideReads.assertSamePixels(OpenSlideReads.region(slide, level, 0, 0, w, h),
                        SLIDE.expected(level, 0, 0, w, h), w, "whole level " + level);
            }
        }
    }

    @Test
    void jpegKeepsColoursAndStaysClose() throws Exception {
        try (Slide slide = OpenSlideReads.open(jpegSlide)) {
            int inset = 16;
            int side = TestPatternRenderer.PATCH - 2 * inset;
            long y = TestPatternRenderer.PATCH_Y + inset;
            assertPure(OpenSlideReads.region(slide, 0, TestPatternRenderer.RED_X + inset, y, side, side), 0xFF0000);
            assertPure(OpenSlideReads.region(slide, 0, TestPatternRenderer.GREEN_X + inset, y, side, side), 0x00FF00);
            assertPure(OpenSlideReads.region(slide, 0, TestPatternRenderer.BLUE_X + inset, y, side, side), 0x0000FF);
            assertPure(OpenSlideReads.region(slide, 0, 0, 0, TestPatternRenderer.WHITE_BAND - 16, 2000), 0xFFFFFF);

            // The noise patch is the one place JPEG is not meant to be close; leave it out.
            int w = 2800;
            int h = 1800;
            assertThat(OpenSlideReads.meanAbsoluteError(OpenSlideReads.region(slide, 0, 0, 0, w, h),
                    SLIDE.expected(0, 0, 0, w, h))).as("level-0 mean absolute error").isLessThan(4);
            for (int level = 1; level < slide.levelCount(); level++) {
                int lw = w >> level;
                int lh = h >> level;
                assertThat(OpenSlideReads.meanAbsoluteError(OpenSlideReads.region(slide, level, 0, 0, lw, lh),
                        SLIDE.expected(level, 0, 0, lw, lh))).as("level-%d mean absolute error", level).isLessThan(4);
            }
        }
    }

    @Test
    void jpegTilesAreTaggedWithTheSubsamplingTheyUse() throws Exception {
        TiffTagReader.Tiff tiff = TiffTagReader.read(jpegSlide);
        for (TiffTagReader.Directory d : tiff.directories()) {
            assertThat(d.number(LevelTags.COMPRESSION)).isEqualTo(7);
            assertThat(d.number(LevelTags.PHOTOMETRIC)).isEqualTo(6);
            assertThat(d.numbers().get(LevelTags.YCBCR_SUBSAMPLING)).containsExactly(2, 2);
            long offset = d.numbers().get(LevelTags.TILE_OFFSETS)[0];
            int length = (int) d.numbers().get(LevelTags.TILE_BYTE_COUNTS)[0];
            byte[] jpeg = TiffTagReader.readBytes(jpegSlide, offset, length);
            assertThat(JpegMarkers.samplingFactors(jpeg)).containsExactly(0x22, 0x11, 0x11);
        }
    }

    @Test
    void levelsHalveWithCeilingDivisionUntilTheMinimumSize() throws Exception {
        TestPatternRenderer odd = new TestPatternRenderer(3001, 2001);
        Path file = dir.resolve("odd.tiff");
        new PyramidalTiffWriter().write(odd, file, DEFLATE.withTileSize(64).withMinLevelSize(100), WriteProgress.NONE);
        try (Slide slide = OpenSlideReads.open(file)) {
            long[][] sizes = {{3001, 2001}, {1501, 1001}, {751, 501}, {376, 251}, {188, 126}};
            assertThat(slide.levelCount()).isEqualTo(sizes.length);
            for (int k = 0; k < sizes.length; k++) {
                SlideLevel level = slide.level(k);
                assertThat(new long[] {level.width(), level.height()}).as("level %d size", k).containsExactly(sizes[k]);
                double downsample = (3001.0 / sizes[k][0] + 2001.0 / sizes[k][1]) / 2;
                assertThat(level.downsample()).as("level %d downsample", k).isCloseTo(downsample, within(1e-9));
                assertThat(slide.properties()).containsEntry("openslide.level[" + k + "].tile-width", "64");
            }
            // The odd last row and column of each level average the pixels that exist, not padding.
            int w = (int) slide.level(4).width();
            int h = (int) slide.level(4).height();
            OpenSlideReads.assertSamePixels(OpenSlideReads.region(slide, 4, 0, 0, w, h), odd.expected(4, 0, 0, w, h), w, "level 4");
        }
        try (Slide slide = OpenSlideReads.open(deflateSlide)) {
            assertThat(slide.levels()).extracting(SlideLevel::width).containsExactly(3000L, 1500L, 750L);
            assertThat(slide.levels()).extracting(SlideLevel::downsample).containsExactly(1.0, 2.0, 4.0);
        }
    }

    /**
     * OpenSlide 3.4.1 over libtiff 4.5 misreads a DEFLATE level narrower or shorter than a tile, so
     * the writer never makes one: the pyramid stops early, and a tiny slide gets smaller tiles.
     */
    @Test
    void deflateLevelsAreNeverSmallerThanOneTile() throws Exception {
        TestPatternRenderer strip = new TestPatternRenderer(4000, 600);
        Path stripFile = dir.resolve("strip.tiff");
        new PyramidalTiffWriter().write(strip, stripFile, DEFLATE, WriteProgress.NONE);
        try (Slide slide = OpenSlideReads.open(stripFile)) {
            assertThat(slide.levels()).extracting(SlideLevel::height).containsExactly(600L, 300L);
            OpenSlideReads.assertSamePixels(OpenSlideReads.region(slide, 1, 0, 0, 2000, 300),
                    strip.expected(1, 0, 0, 2000, 300), 2000, "strip level 1");
        }
        TestPatternRenderer tiny = new TestPatternRenderer(200, 130);
        Path tinyFile = dir.resolve("tiny.tiff");
        new PyramidalTiffWriter().write(tiny, tinyFile, DEFLATE.withMinLevelSize(16), WriteProgress.NONE);
        try (Slide slide = OpenSlideReads.open(tinyFile)) {
            assertThat(slide.properties()).containsEntry("openslide.level[0].tile-width", "128");
            assertThat(slide.levelCount()).isEqualTo(1);
            OpenSlideReads.assertSamePixels(OpenSlideReads.region(slide, 0, 0, 0, 200, 130),
                    tiny.expected(0, 0, 0, 200, 130), 200, "tiny slide");
        }
        // JPEG tiles are decoded by OpenSlide itself, so JPEG pyramids go below one tile.
        Path tinyJpeg = dir.resolve("tiny-jpeg.tiff");
        new PyramidalTiffWriter().write(tiny, tinyJpeg, JPEG.withMinLevelSize(16), WriteProgress.NONE);
        try (Slide slide = OpenSlideReads.open(tinyJpeg)) {
            assertThat(slide.levels()).extracting(SlideLevel::width).containsExactly(200L, 100L, 50L, 25L);
            assertThat(slide.properties()).containsEntry("openslide.level[0].tile-width", "256");
            assertPure(OpenSlideReads.region(slide, 0, 0, 0, 128, 130), 0xFFFFFF);
        }
    }

    @Test
    void resolutionTagsGivePixelSizeOnEveryLevel() throws Exception {
        try (Slide slide = OpenSlideReads.open(jpegSlide)) {
            Map<String, String> p = slide.properties();
            assertThat(p).containsEntry("tiff.XResolution", "40000")
                    .containsEntry("tiff.YResolution", "40000")
                    .containsEntry("tiff.ResolutionUnit", "centimeter")
                    .containsEntry("openslide.vendor", "generic-tiff");
            assertThat(p.get("tiff.ImageDescription")).contains("AppMag = 40").contains("MPP = 0.25");
            assertThat(slide.micronsPerPixel()).get().extracting(MicronsPerPixel::x, MicronsPerPixel::y)
                    .containsExactly(0.25, 0.25);
            assertThat(slide.objectivePower()).contains(40.0);
        }
        Path half = dir.resolve("mpp-0.5.tiff");
        new PyramidalTiffWriter().write(new TestPatternRenderer(1200, 1100), half,
                JPEG.withMicronsPerPixel(0.5).withObjectivePower(20), WriteProgress.NONE);
        try (Slide slide = OpenSlideReads.open(half)) {
            assertThat(slide.properties()).containsEntry("tiff.XResolution", "20000");
            assertThat(slide.objectivePower()).contains(20.0);
        }
        TiffTagReader.Tiff tiff = TiffTagReader.read(half);
        long[] widths = {1200, 600};
        long[] heights = {1100, 550};
        assertThat(tiff.directories()).hasSize(2);
        for (int k = 0; k < 2; k++) {
            TiffTagReader.Directory d = tiff.directories().get(k);
            assertThat(d.number(LevelTags.NEW_SUBFILE_TYPE)).isEqualTo(k == 0 ? 0 : 1);
            assertThat(d.number(LevelTags.RESOLUTION_UNIT)).isEqualTo(3);
            assertThat(d.rational(LevelTags.X_RESOLUTION)).isCloseTo(20000.0 * widths[k] / 1200, within(1e-6));
            assertThat(d.rational(LevelTags.Y_RESOLUTION)).isCloseTo(20000.0 * heights[k] / 1100, within(1e-6));
            assertThat(d.texts()).containsKey(LevelTags.SOFTWARE);
            assertThat(d.texts().containsKey(LevelTags.IMAGE_DESCRIPTION)).isEqualTo(k == 0);
        }
    }

    @Test
    void forcedBigTiffOpensWithTheSamePixels() throws Exception {
        Path file = dir.resolve("big.tiff");
        new PyramidalTiffWriter().write(SLIDE, file, DEFLATE.withFormat(TiffWriteOptions.Format.BIG), WriteProgress.NONE);
        byte[] header = TiffTagReader.readBytes(file, 0, 8);
        assertThat(header).containsExactly('I', 'I', 43, 0, 8, 0, 0, 0);
        assertThat(TiffTagReader.read(file).big()).isTrue();
        try (Slide slide = OpenSlideReads.open(file)) {
            assertThat(slide.levelCount()).isEqualTo(3);
            OpenSlideReads.assertSamePixels(OpenSlideReads.region(slide, 0, 2816, 1792, 184, 208),
                    SLIDE.expected(0, 2816, 1792, 184, 208), 184, "BigTIFF edge tile");
            OpenSlideReads.assertSamePixels(OpenSlideReads.region(slide, 2, 0, 0, 750, 500),
                    SLIDE.expected(2, 0, 0, 750, 500), 750, "BigTIFF level 2");
        }
    }

    @Test
    void smallSlidesAreLittleEndianClassicTiff() throws Exception {
        for (Path file : List.of(deflateSlide, jpegSlide)) {
            assertThat(TiffTagReader.readBytes(file, 0, 4)).as("%s header", file).containsExactly('I', 'I', 42, 0);
            assertThat(TiffTagReader.read(file).big()).isFalse();
        }
    }

    @Test
    void outputDoesNotDependOnThreadCount() throws Exception {
        Path one = dir.resolve("one-thread.tiff");
        new PyramidalTiffWriter().write(SLIDE, one, JPEG.withThreads(1), WriteProgress.NONE);
        assertThat(Files.mismatch(one, jpegSlide)).isEqualTo(-1L);
    }

    @Test
    void progressCountsEveryTileOfEveryLevelOnce() throws IOException, InterruptedException {
        long[] last = {0, 0};
        long[] calls = {0};
        new PyramidalTiffWriter().write(SLIDE, dir.resolve("progress.tiff"), DEFLATE, (done, total) -> {
            assertThat(done).isEqualTo(last[0] + 1);
            last[0] = done;
            last[1] = total;
            calls[0]++;
        });
        long expected = 12 * 8 + 6 * 4 + 3 * 2;    // 256-px tiles over 3000x2000, 1500x1000, 750x500
        assertThat(calls[0]).isEqualTo(expected);
        assertThat(last).containsExactly(expected, expected);
    }

    /** Every pixel within a few levels of {@code colour} on each channel: a swapped channel or colour space is far off. */
    private static void assertPure(int[] pixels, int colour) {
        int worst = 0;
        for (int p : pixels) {
            for (int shift = 0; shift <= 16; shift += 8) {
                worst = Math.max(worst, Math.abs((p >>> shift & 0xFF) - (colour >>> shift & 0xFF)));
            }
        }
        assertThat(worst).as("largest channel error against %06X", colour).isLessThanOrEqualTo(6);
    }
}
