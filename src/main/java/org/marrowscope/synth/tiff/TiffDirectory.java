package org.marrowscope.synth.tiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

/**
 * One image file directory (IFD), encoded little-endian as classic TIFF or BigTIFF. Values too
 * large for an entry's value field follow the entry table inside the same block, so an IFD is one
 * contiguous write.
 */
final class TiffDirectory {

    /** TIFF field types used here, with their type codes. */
    enum Type {
        ASCII(2), SHORT(3), LONG(4), RATIONAL(5), LONG8(16);

        final int code;

        Type(int code) {
            this.code = code;
        }
    }

    private record Entry(int tag, Type type, long count, byte[] value) { }

    private static final long UINT32_MAX = 0xFFFF_FFFFL;

    private final boolean big;
    private final TreeMap<Integer, Entry> entries = new TreeMap<>();

    TiffDirectory(boolean big) {
        this.big = big;
    }

    TiffDirectory shorts(int tag, int... values) {
        ByteBuffer b = buffer(2L * values.length);
        for (int v : values) {
            if (v < 0 || v > 0xFFFF) {
                throw new IllegalArgumentException("SHORT out of range in tag " + tag + ": " + v);
            }
            b.putShort((short) v);
        }
        return put(tag, Type.SHORT, values.length, b);
    }

    TiffDirectory longs(int tag, long... values) {
        ByteBuffer b = buffer(4L * values.length);
        for (long v : values) {
            b.putInt(checkedUint32(tag, v));
        }
        return put(tag, Type.LONG, values.length, b);
    }

    /** File offsets or byte counts: LONG in classic TIFF, LONG8 in BigTIFF. */
    TiffDirectory offsets(int tag, long[] values) {
        if (!big) {
            return longs(tag, values);
        }
        ByteBuffer b = buffer(8L * values.length);
        for (long v : values) {
            b.putLong(v);
        }
        return put(tag, Type.LONG8, values.length, b);
    }

    TiffDirectory rationals(int tag, long... numeratorDenominatorPairs) {
        ByteBuffer b = buffer(4L * numeratorDenominatorPairs.length);
        for (long v : numeratorDenominatorPairs) {
            b.putInt(checkedUint32(tag, v));
        }
        return put(tag, Type.RATIONAL, numeratorDenominatorPairs.length / 2, b);
    }

    /** A positive value as a RATIONAL with up to six decimals, the largest denominator that fits. */
    TiffDirectory rational(int tag, double value) {
        if (!(value > 0) || value >= UINT32_MAX) {
            throw new IllegalArgumentException("RATIONAL out of range in tag " + tag + ": " + value);
        }
        long denominator = 1;
        while (denominator < 1_000_000 && value * denominator * 10 <= UINT32_MAX) {
            denominator *= 10;
        }
        long numerator = Math.round(value * denominator);
        long gcd = gcd(numerator, denominator);
        return rationals(tag, numerator / gcd, denominator / gcd);
    }

    TiffDirectory ascii(int tag, String text) {
        byte[] bytes = (text + '\0').getBytes(StandardCharsets.US_ASCII);
        return put(tag, Type.ASCII, bytes.length, ByteBuffer.wrap(bytes));
    }

    /** Bytes of the encoded directory, entry table and out-of-line values included. */
    long encodedSize() {
        long size = tableSize();
        for (Entry e : entries.values()) {
            if (e.value.length > inlineCapacity()) {
                size += align(e.value.length);
            }
        }
        return size;
    }

    /**
     * Encodes the directory as it will sit at {@code position} in the file, pointing to the next
     * directory at {@code nextIfd} (0 for the last).
     */
    ByteBuffer encode(long position, long nextIfd) {
        if (position % 2 != 0) {
            throw new IllegalArgumentException("IFDs start on a word boundary: " + position);
        }
        ByteBuffer out = buffer(encodedSize());
        long overflow = position + tableSize();
        if (big) {
            out.putLong(entries.size());
        } else {
            out.putShort((short) entries.size());
        }
        int overflowWrite = (int) tableSize();
        for (Entry e : entries.values()) {
            out.putShort((short) e.tag).putShort((short) e.type.code);
            if (big) {
                out.putLong(e.count);
            } else {
                out.putInt(checkedUint32(e.tag, e.count));
            }
            if (e.value.length <= inlineCapacity()) {
                out.put(e.value);
                out.put(new byte[inlineCapacity() - e.value.length]);
            } else {
                if (big) {
                    out.putLong(overflow);
                } else {
                    out.putInt(checkedUint32(e.tag, overflow));
                }
                out.put(overflowWrite, e.value);
                overflowWrite += align(e.value.length);
                overflow += align(e.value.length);
            }
        }
        if (big) {
            out.putLong(nextIfd);
        } else {
            out.putInt(checkedUint32(0, nextIfd));
        }
        return out.clear();
    }

    /** The file header: byte order, magic and the first IFD's offset, padded to {@link #HEADER_RESERVED} bytes. */
    static ByteBuffer header(boolean big, long firstIfd) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_RESERVED).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I');
        if (big) {
            b.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(firstIfd);
        } else {
            b.putShort((short) 42).putInt(checkedUint32(0, firstIfd));
        }
        return b.clear();
    }

    /**
     * Room kept at the start of the file for the header. A BigTIFF header needs 16 bytes and a
     * classic one 8; reserving 16 lets the writer choose the format after the tile data.
     */
    static final int HEADER_RESERVED = 16;

    private long tableSize() {
        int entrySize = big ? 20 : 12;
        int countSize = big ? 8 : 2;
        int nextSize = big ? 8 : 4;
        return countSize + (long) entrySize * entries.size() + nextSize;
    }

    private int inlineCapacity() {
        return big ? 8 : 4;
    }

    private TiffDirectory put(int tag, Type type, long count, ByteBuffer value) {
        byte[] bytes = new byte[value.capacity()];
        value.get(0, bytes);
        entries.put(tag, new Entry(tag, type, count, bytes));
        return this;
    }

    private static ByteBuffer buffer(long size) {
        return ByteBuffer.allocate(Math.toIntExact(size)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int align(int n) {
        return (n + 1) & ~1;
    }

    private static int checkedUint32(int tag, long v) {
        if (v < 0 || v > UINT32_MAX) {
            throw new IllegalArgumentException("value does not fit classic TIFF's 32 bits in tag " + tag + ": " + v);
        }
        return (int) v;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
