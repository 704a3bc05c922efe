package org.marrowscope.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheTargetAndLeavesNoTemporaryFileBehind() throws IOException {
        Path target = dir.resolve("sub/result.json");
        AtomicFiles.write(target, "first".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(target, "second".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(target)).isEqualTo("second");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void newFilesGetTheUmaskPermissionsOfAnyNewFileNotOwnerOnly() throws IOException {
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path written = dir.resolve("written.txt");
        AtomicFiles.write(written, new byte[] {1, 2, 3});

        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        assertThat(Files.getPosixFilePermissions(written)).isEqualTo(expected);
    }

    @Test
    void aFailedWriteKeepsThePreviousFileAndCleansUp() throws IOException {
        Path target = dir.resolve("report.pdf");
        AtomicFiles.write(target, "kept".getBytes(StandardCharsets.UTF_8));
        // A folder where the target should be: the rename fails after the temporary file was written.
        Path blocked = dir.resolve("blocked");
        Files.createDirectories(blocked.resolve("child"));

        assertThatThrownBy(() -> AtomicFiles.write(blocked, new byte[] {1})).isInstanceOf(IOException.class);
        assertThat(Files.readString(target)).isEqualTo("kept");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.pdf", "blocked");
        }
    }
}
