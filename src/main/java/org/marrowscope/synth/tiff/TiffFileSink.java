package org.marrowscope.synth.tiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Appends tiles to the file in whatever order the pyramid produces them, remembering where each
 * went, then writes the IFDs after the tile data and finally the header that points to them.
 * Only the writing thread uses it.
 */
final class TiffFileSink {

    private static final long CLASSIC_LIMIT = 0xFFFF_FFFFL;

    private final FileChannel channel;
    private final TiffWriteOptions.Format format;
    private final long autoBigTiffThreshold;
    private final long[][] offsets;
    private final long[][] byteCounts;
    private long position;

    TiffFileSink(FileChannel channel, PyramidGeometry geometry, TiffWriteOptions.Format format) throws IOException {
        this(channel, geometry, format, TiffWriteOptions.AUTO_BIGTIFF_THRESHOLD_BYTES);
    }

    /**
     * @param autoBigTiffThreshold file size above which AUTO writes BigTIFF (classic TIFF at or
     *     below); the tile data do not depend on the choice, because the header slot is reserved
     *     at BigTIFF's size, so AUTO decides on the real size once the tiles are written
     */
    TiffFileSink(FileChannel channel, PyramidGeometry geometry, TiffWriteOptions.Format format,
                 long autoBigTiffThreshold) throws IOException {
        if (autoBigTiffThreshold > CLASSIC_LIMIT) {
            throw new IllegalArgumentException("classic TIFF cannot reach " + autoBigTiffThreshold + " bytes");
        }
        this.channel = channel;
        this.format = format;
        this.autoBigTiffThreshold = autoBigTiffThreshold;
        int levels = geometry.levelCount();
        this.offsets = new long[levels][];
        this.byteCounts = new long[levels][];
        for (int k = 0; k < levels; k++) {
            offsets[k] = new long[Math.toIntExact(geometry.level(k).tileCount())];
            byteCounts[k] = new long[offsets[k].length];
        }
        writeFully(ByteBuffer.allocate(TiffDirectory.HEADER_RESERVED), 0);
        this.position = TiffDirectory.HEADER_RESERVED;
    }

    /** Appends one encoded tile; {@code index} is row-major within its level (TIFF tile order). */
    void append(int level, int index, byte[] data) throws IOException {
        if (format == TiffWriteOptions.Format.CLASSIC && position + data.length > CLASSIC_LIMIT) {
            throw new IOException("the slide does not fit classic TIFF's 4 GiB; write it as BigTIFF");
        }
        writeFully(ByteBuffer.wrap(data), position);
        offsets[level][index] = position;
        byteCounts[level][index] = data.length;
        position += data.length;
    }

    long[] offsets(int level) {
        return offsets[level];
    }

    long[] byteCounts(int level) {
        return byteCounts[level];
    }

    /**
     * Writes one IFD per level, chained in level order, then the header.
     *
     * @param directoryForLevel builds level k's IFD for classic (false) or BigTIFF (true), using
     *     this sink's offsets and byte counts
     * @return the file size
     */
    long finish(BiFunction<Integer, Boolean, TiffDirectory> directoryForLevel) throws IOException {
        boolean auto = format == TiffWriteOptions.Format.AUTO;
        boolean big = format == TiffWriteOptions.Format.BIG
                || auto && position > autoBigTiffThreshold;
        List<TiffDirectory> directories = build(directoryForLevel, big);
        long end = layoutEnd(directories);
        if (!big && auto && end > autoBigTiffThreshold) {
            big = true;
            directories = build(directoryForLevel, true);
        } else if (!big && end > CLASSIC_LIMIT) {
            throw new IOException("the slide does not fit classic TIFF's 4 GiB; write it as BigTIFF");
        }
        long ifdPosition = align(position);
        long first = ifdPosition;
        for (int k = 0; k < directories.size(); k++) {
            TiffDirectory directory = directories.get(k);
            long next = k + 1 < directories.size() ? align(ifdPosition + directory.encodedSize()) : 0;
            writeFully(directory.encode(ifdPosition, next), ifdPosition);
            ifdPosition = next;
        }
        writeFully(TiffDirectory.header(big, first), 0);
        return channel.size();
    }

    private List<TiffDirectory> build(BiFunction<Integer, Boolean, TiffDirectory> factory, boolean big) {
        List<TiffDirectory> directories = new ArrayList<>();
        for (int k = 0; k < offsets.length; k++) {
            directories.add(factory.apply(k, big));
        }
        return directories;
    }

    private long layoutEnd(List<TiffDirectory> directories) {
        long end = align(position);
        for (TiffDirectory d : directories) {
            end = align(end + d.encodedSize());
        }
        return end;
    }

    private void writeFully(ByteBuffer data, long at) throws IOException {
        long p = at;
        while (data.hasRemaining()) {
            p += channel.write(data, p);
        }
    }

    private static long align(long n) {
        return (n + 7) & ~7L;
    }
}
