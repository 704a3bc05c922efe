package org.marrowscope.synth.tiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the IFDs of a little-endian TIFF or BigTIFF independently of the writer's own encoder, so
 * the tests can check tags OpenSlide does not report (per-level resolution, NewSubfileType, ...).
 */
final class TiffTagReader {

    /** One IFD: numeric values (RATIONALs as numerator, denominator pairs) and ASCII values. */
    record Directory(Map<Integer, long[]> numbers, Map<Integer, String> texts) {
        long number(int tag) {
            long[] v = numbers.get(tag);
            if (v == null) {
                throw new AssertionError("tag " + tag + " missing");
            }
            return v[0];
        }

        double rational(int tag) {
            long[] v = numbers.get(tag);
            return (double) v[0] / v[1];
        }
    }

    record Tiff(boolean big, List<Directory> directories) { }

    private TiffTagReader() {
    }

    static Tiff read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            ByteBuffer header = read(ch, 0, 16);
            if (header.get(0) != 'I' || header.get(1) != 'I') {
                throw new AssertionError("not a little-endian TIFF");
            }
            int magic = header.getShort(2);
            boolean big = magic == 43;
            if (!big && magic != 42) {
                throw new AssertionError("bad TIFF magic " + magic);
            }
            long next = big ? header.getLong(8) : Integer.toUnsignedLong(header.getInt(4));
            List<Directory> directories = new ArrayList<>();
            while (next != 0) {
                long count = big ? read(ch, next, 8).getLong(0) : Short.toUnsignedInt(read(ch, next, 2).getShort(0));
                int entrySize = big ? 20 : 12;
                long tableStart = next + (big ? 8 : 2);
                ByteBuffer table = read(ch, tableStart, (int) (count * entrySize + (big ? 8 : 4)));
                Map<Integer, long[]> numbers = new LinkedHashMap<>();
                Map<Integer, String> texts = new LinkedHashMap<>();
                for (int i = 0; i < count; i++) {
                    int at = i * entrySize;
                    int tag = Short.toUnsignedInt(table.getShort(at));
                    int type = table.getShort(at + 2);
                    long n = big ? table.getLong(at + 4) : Integer.toUnsignedLong(table.getInt(at + 8 - 4));
                    int size = switch (type) {
                        case 2 -> 1;
                        case 3 -> 2;
                        case 4 -> 4;
                        case 5 -> 8;
                        case 16 -> 8;
                        default -> throw new AssertionError("unexpected type " + type + " in tag " + tag);
                    };
                    int valueAt = at + (big ? 12 : 8);
                    long bytes = n * size;
                    ByteBuffer value;
                    if (bytes <= (big ? 8 : 4)) {
                        value = table.slice(valueAt, (int) bytes).order(ByteOrder.LITTLE_ENDIAN);
                    } else {
                        long offset = big ? table.getLong(valueAt) : Integer.toUnsignedLong(table.getInt(valueAt));
                        value = read(ch, offset, (int) bytes);
                    }
                    if (type == 2) {
                        byte[] b = new byte[(int) n];
                        value.get(0, b);
                        texts.put(tag, new String(b, 0, Math.max(0, b.length - 1), StandardCharsets.US_ASCII));
                        continue;
                    }
                    int values = type == 5 ? (int) n * 2 : (int) n;
                    long[] out = new long[values];
                    for (int v = 0; v < values; v++) {
                        out[v] = switch (type) {
                            case 3 -> Short.toUnsignedInt(value.getShort(v * 2));
                            case 4, 5 -> Integer.toUnsignedLong(value.getInt(v * 4));
                            default -> value.getLong(v * 8);
                        };
                    }
                    numbers.put(tag, out);
                }
                directories.add(new Directory(numbers, texts));
                int nextAt = (int) (count * entrySize);
                next = big ? table.getLong(nextAt) : Integer.toUnsignedLong(table.getInt(nextAt));
            }
            return new Tiff(big, directories);
        }
    }

    static byte[] readBytes(Path file, long offset, int length) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            return read(ch, offset, length).array();
        }
    }

    private static ByteBuffer read(FileChannel ch, long offset, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, offset + b.position()) < 0) {
                throw new AssertionError("TIFF truncated at " + (offset + b.position()));
            }
        }
        return b.clear();
    }
}
