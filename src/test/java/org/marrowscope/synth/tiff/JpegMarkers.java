package org.marrowscope.synth.tiff;

/** Finds the per-component sampling factors in a JPEG stream's start-of-frame marker. */
final class JpegMarkers {

    private JpegMarkers() {
    }

    /** One byte per component, high nibble horizontal and low nibble vertical sampling factor. */
    static int[] samplingFactors(byte[] jpeg) {
        int i = 2;
        while (i + 4 < jpeg.length) {
            if ((jpeg[i] & 0xFF) != 0xFF) {
                throw new AssertionError("lost JPEG marker sync at " + i);
            }
            int marker = jpeg[i + 1] & 0xFF;
            int length = (jpeg[i + 2] & 0xFF) << 8 | jpeg[i + 3] & 0xFF;
            if (marker >= 0xC0 && marker <= 0xC2) {
                int components = jpeg[i + 9] & 0xFF;
                int[] factors = new int[components];
                for (int c = 0; c < components; c++) {
                    factors[c] = jpeg[i + 10 + 3 * c + 1] & 0xFF;
                }
                return factors;
            }
            i += 2 + length;
        }
        throw new AssertionError("no start-of-frame marker");
    }
}
