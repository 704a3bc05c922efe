package org.marrowscope.synth.tiff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AUTO chooses the format from the real file size, after the tiles, without moving them. */
class TiffFileSinkTest {

    private static final TiffWriteOptions OPTIONS = TiffWriteOptions.defaults()
            .withCompression(TiffWriteOptions.Compression.DEFLATE).withTileSize(16).withMinLevelSize(1000);

    @TempDir
    Path dir;

    @Test
    void autoStaysClassicBelowTheThreshold() throws Exception {
        TiffTagReader.Tiff tiff = writeFourTiles(dir.resolve("classic.tif"), 1_000_000);
        assertThat(tiff.big()).isFalse();
    }

    @Test
    void autoSwitchesToBigTiffAboveTheThresholdWithTheSameTileOffsets() throws Exception {
        TiffTagReader.Tiff classic = writeFourTiles(dir.resolve("classic.tif"), 1_000_000);
        TiffTagReader.Tiff big = writeFourTiles(dir.resolve("big.tif"), 100);
        assertThat(big.big()).isTrue();
        long[] offsets = big.directories().getFirst().numbers().get(LevelTags.TILE_OFFSETS);
        assertThat(offsets).containsExactly(classic.directories().getFirst().numbers().get(LevelTags.TILE_OFFSETS));
        assertThat(offsets[0]).isEqualTo(TiffDirectory.HEADER_RESERVED);
        assertThat(big.directories().getFirst().numbers().get(LevelTags.TILE_BYTE_COUNTS)).containsExactly(50, 51, 52, 53);
        byte[] third = TiffTagReader.readBytes(dir.resolve("big.tif"), offsets[2], 52);
        assertThat(third).containsOnly((byte) 2);
    }

    private TiffTagReader.Tiff writeFourTiles(Path file, long threshold) throws Exception {
        PyramidGeometry geometry = PyramidGeometry.of(32, 32, OPTIONS);
        assertThat(geometry.levelCount()).isEqualTo(1);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            TiffFileSink sink = new TiffFileSink(channel, geometry, TiffWriteOptions.Format.AUTO, threshold);
            for (int i = 0; i < 4; i++) {
                byte[] tile = new byte[50 + i];
                Arrays.fill(tile, (byte) i);
                sink.append(0, i, tile);
            }
            sink.finish((level, big) -> LevelTags.directory(geometry, level, OPTIONS, big,
                    sink.offsets(level), sink.byteCounts(level)));
        }
        return TiffTagReader.read(file);
    }
}
