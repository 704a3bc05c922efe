package org.marrowscope.pipeline.result;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.SlideException;
import org.marrowscope.slide.SlideLevel;

/**
 * The slide's pixel identity: SHA-256 over a few tiles sampled at fixed relative positions on every level. Five
 * 128-pixel tiles per level cost a few milliseconds, yet a slide whose pixels were rewritten in place (same
 * size, same properties) gets a different identity, so its old result is not reused.
 */
public final class SlidePixels {

    static final int TILE = 128;
    private static final double[][] POSITIONS = {{0.5, 0.5}, {0.25, 0.25}, {0.75, 0.25}, {0.25, 0.75}, {0.75, 0.75}};

    private SlidePixels() {
    }

    public static String sha256(Slide slide) throws SlideException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteBuffer header = ByteBuffer.allocate(8);
            for (int level = 0; level < slide.levelCount(); level++) {
                SlideLevel l = slide.level(level);
                int w = (int) Math.min(TILE, l.width());
                int h = (int) Math.min(TILE, l.height());
                if (w <= 0 || h <= 0) {
                    continue;
                }
                for (double[] p : POSITIONS) {
                    long lx = Math.min(l.width() - w, (long) (p[0] * l.width()));
                    long ly = Math.min(l.height() - h, (long) (p[1] * l.height()));
                    double down = l.downsample();
                    BufferedImage tile = slide.readRegion(level, Math.round(lx * down), Math.round(ly * down), w, h);
                    int[] rgb = tile.getRGB(0, 0, w, h, null, 0, w);
                    ByteBuffer bytes = ByteBuffer.allocate(rgb.length * 4);
                    bytes.asIntBuffer().put(rgb);
                    header.clear();
                    sha.update(header.putInt(level).putInt(w).array());
                    sha.update(bytes);
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
