package org.marrowscope.slide;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.zip.CRC32;

/** A PNG whose header claims any size, with a tiny truncated image body: what decoding would need, never decoded. */
public final class CraftedPng {

    private CraftedPng() {
    }

    public static byte[] of(int width, int height, int bitDepth, int colourType) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(ihdr);
        h.writeBytes("IHDR");
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {(byte) bitDepth, (byte) colourType, 0, 0, 0});
        out.writeInt(13);
        out.write(ihdr.toByteArray());
        CRC32 crc = new CRC32();
        crc.update(ihdr.toByteArray());
        out.writeInt((int) crc.getValue());
        out.writeInt(4);
        out.writeBytes("IDAT");
        out.write(new byte[] {0x78, (byte) 0x9c, 0, 0});
        out.writeInt(0);
        return bytes.toByteArray();
    }
}
