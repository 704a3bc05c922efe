package org.marrowscope.synth.tiff;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Compresses one padded tile into the bytes a TIFF tile holds. Not thread-safe: each worker
 * borrows its own, because neither ImageIO writers nor Deflaters may be shared.
 *
 * <p>JPEG tiles are complete JFIF streams (no shared JPEGTables) from the JDK writer, which always
 * encodes three-component images as YCbCr with 2x2 chroma subsampling; the IFD must therefore say
 * Photometric=YCbCr and YCbCrSubSampling=2,2, because OpenSlide 3.4.1 hands the Photometric value
 * to libjpeg as the stream's colour space instead of trusting the JFIF marker.
 */
final class TileEncoder implements AutoCloseable {

    /** Chroma subsampling of the JDK's JPEG writer for RGB input (JFIF default 4:2:0). */
    static final int JPEG_CHROMA_SUBSAMPLING = 2;

    /** TIFF pads with white, which also keeps the padding cheap to compress. */
    static final int PAD = 0xFFFFFF;

    private final int tileSize;
    private final int[] pixels;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    private final TiffWriteOptions.Compression compression;

    // JPEG state
    private final BufferedImage image;
    private final ImageWriter jpegWriter;
    private final ImageWriteParam jpegParam;

    // DEFLATE state
    private final Deflater deflater;
    private final byte[] rowBytes;
    private final byte[] deflateChunk;

    TileEncoder(TiffWriteOptions.Compression compression, float jpegQuality, int tileSize) {
        this.compression = compression;
        this.tileSize = tileSize;
        this.pixels = new int[tileSize * tileSize];
        if (compression == TiffWriteOptions.Compression.JPEG) {
            DirectColorModel rgb = new DirectColorModel(24, 0xFF0000, 0x00FF00, 0x0000FF);
            WritableRaster raster = Raster.createPackedRaster(new DataBufferInt(pixels, pixels.length),
                    tileSize, tileSize, tileSize, rgb.getMasks(), null);
            this.image = new BufferedImage(rgb, raster, false, null);
            Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
            if (!writers.hasNext()) {
                throw new IllegalStateException("this JDK has no JPEG ImageWriter");
            }
            this.jpegWriter = writers.next();
            this.jpegParam = jpegWriter.getDefaultWriteParam();
            jpegParam.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            jpegParam.setCompressionQuality(jpegQuality);
            this.deflater = null;
            this.rowBytes = null;
            this.deflateChunk = null;
        } else {
            this.image = null;
            this.jpegWriter = null;
            this.jpegParam = null;
            this.deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
            this.rowBytes = new byte[tileSize * 3];
            this.deflateChunk = new byte[64 * 1024];
        }
    }

    /** The tile to encode: tileSize x tileSize 0xRRGGBB pixels, row-major, filled by the caller. */
    int[] pixels() {
        return pixels;
    }

    /**
     * Moves a {@code w} x {@code h} block, packed row-major at the start of {@link #pixels()} (as
     * a renderer leaves it), to tile stride and pads the rest with white.
     */
    void spreadAndPad(int w, int h) {
        if (w < tileSize) {
            // Bottom row first, so a row is never overwritten before it has moved.
            for (int y = h - 1; y >= 0; y--) {
                System.arraycopy(pixels, y * w, pixels, y * tileSize, w);
                Arrays.fill(pixels, y * tileSize + w, (y + 1) * tileSize, PAD);
            }
        }
        Arrays.fill(pixels, h * tileSize, pixels.length, PAD);
    }

    byte[] encode() throws IOException {
        out.reset();
        if (compression == TiffWriteOptions.Compression.JPEG) {
            encodeJpeg();
        } else {
            encodeDeflate();
        }
        return out.toByteArray();
    }

    private void encodeJpeg() throws IOException {
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            jpegWriter.setOutput(ios);
            jpegWriter.write(null, new IIOImage(image, null, null), jpegParam);
        } finally {
            jpegWriter.reset();
        }
    }

    /** 8-bit RGB with TIFF horizontal differencing (Predictor=2), which roughly halves gradients' size. */
    private void encodeDeflate() {
        deflater.reset();
        for (int y = 0; y < tileSize; y++) {
            int previous = 0;
            int row = y * tileSize;
            for (int x = 0, b = 0; x < tileSize; x++, b += 3) {
                int p = pixels[row + x];
                rowBytes[b] = (byte) ((p >>> 16) - (previous >>> 16));
                rowBytes[b + 1] = (byte) ((p >>> 8) - (previous >>> 8));
                rowBytes[b + 2] = (byte) (p - previous);
                previous = p;
            }
            deflater.setInput(rowBytes);
            drain(false);
        }
        deflater.finish();
        drain(true);
    }

    private void drain(boolean finishing) {
        while (finishing ? !deflater.finished() : !deflater.needsInput()) {
            int n = deflater.deflate(deflateChunk);
            out.write(deflateChunk, 0, n);
        }
    }

    @Override
    public void close() {
        if (jpegWriter != null) {
            jpegWriter.dispose();
        }
        if (deflater != null) {
            deflater.end();
        }
    }
}
