package org.marrowscope.synth.tiff;

/** The TIFF tags of one pyramid level, as OpenSlide's generic-tiff reader needs them. */
final class LevelTags {

    static final int NEW_SUBFILE_TYPE = 254;
    static final int IMAGE_WIDTH = 256;
    static final int IMAGE_LENGTH = 257;
    static final int BITS_PER_SAMPLE = 258;
    static final int COMPRESSION = 259;
    static final int PHOTOMETRIC = 262;
    static final int IMAGE_DESCRIPTION = 270;
    static final int SAMPLES_PER_PIXEL = 277;
    static final int X_RESOLUTION = 282;
    static final int Y_RESOLUTION = 283;
    static final int PLANAR_CONFIGURATION = 284;
    static final int RESOLUTION_UNIT = 296;
    static final int SOFTWARE = 305;
    static final int PREDICTOR = 317;
    static final int TILE_WIDTH = 322;
    static final int TILE_LENGTH = 323;
    static final int TILE_OFFSETS = 324;
    static final int TILE_BYTE_COUNTS = 325;
    static final int YCBCR_SUBSAMPLING = 530;
    static final int REFERENCE_BLACK_WHITE = 532;

    static final int COMPRESSION_JPEG = 7;
    static final int COMPRESSION_DEFLATE = 8;
    static final int PHOTOMETRIC_RGB = 2;
    static final int PHOTOMETRIC_YCBCR = 6;
    static final int RESOLUTION_UNIT_CENTIMETRE = 3;
    static final int PREDICTOR_HORIZONTAL = 2;
    /** NewSubfileType bit 0: OpenSlide 3.4.1 skips directories after the first without it. */
    static final int SUBFILE_REDUCED_IMAGE = 1;

    private LevelTags() {
    }

    static TiffDirectory directory(PyramidGeometry geometry, int levelIndex, TiffWriteOptions options,
                                   boolean big, long[] tileOffsets, long[] tileByteCounts) {
        LevelGeometry level = geometry.level(levelIndex);
        LevelGeometry base = geometry.level(0);
        boolean jpeg = options.compression() == TiffWriteOptions.Compression.JPEG;
        double pixelsPerCm = 10_000 / options.micronsPerPixel();
        TiffDirectory d = new TiffDirectory(big)
                .longs(NEW_SUBFILE_TYPE, levelIndex == 0 ? 0 : SUBFILE_REDUCED_IMAGE)
                .longs(IMAGE_WIDTH, level.width())
                .longs(IMAGE_LENGTH, level.height())
                .shorts(BITS_PER_SAMPLE, 8, 8, 8)
                .shorts(COMPRESSION, jpeg ? COMPRESSION_JPEG : COMPRESSION_DEFLATE)
                .shorts(PHOTOMETRIC, jpeg ? PHOTOMETRIC_YCBCR : PHOTOMETRIC_RGB)
                .shorts(SAMPLES_PER_PIXEL, 3)
                // A reduced level's pixel covers base/level level-0 pixels on each axis (not
                // exactly 2^k when a size was odd), so its resolution is scaled by the same ratio.
                .rational(X_RESOLUTION, pixelsPerCm * level.width() / base.width())
                .rational(Y_RESOLUTION, pixelsPerCm * level.height() / base.height())
                .shorts(PLANAR_CONFIGURATION, 1)
                .shorts(RESOLUTION_UNIT, RESOLUTION_UNIT_CENTIMETRE)
                .ascii(SOFTWARE, software())
                .longs(TILE_WIDTH, level.tileSize())
                .longs(TILE_LENGTH, level.tileSize())
                .offsets(TILE_OFFSETS, tileOffsets)
                .offsets(TILE_BYTE_COUNTS, tileByteCounts);
        if (levelIndex == 0) {
            d.ascii(IMAGE_DESCRIPTION, options.imageDescription());
        }
        if (jpeg) {
            int s = TileEncoder.JPEG_CHROMA_SUBSAMPLING;
            d.shorts(YCBCR_SUBSAMPLING, s, s);
            d.rationals(REFERENCE_BLACK_WHITE, 0, 1, 255, 1, 128, 1, 255, 1, 128, 1, 255, 1);
        } else {
            d.shorts(PREDICTOR, PREDICTOR_HORIZONTAL);
        }
        return d;
    }

    static String software() {
        String version = LevelTags.class.getPackage().getImplementationVersion();
        return version == null ? "MarrowScope" : "MarrowScope " + version;
    }
}
