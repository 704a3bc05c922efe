package org.marrowscope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One list of system packages: the README's install line and CI both read installer/linux/apt-packages.txt. */
class PrerequisitesTest {

    private static final Path LIST = Path.of("installer/linux/apt-packages.txt");

    static List<String> packages() throws IOException {
        return Files.readAllLines(LIST).stream().map(l -> l.replaceAll("#.*", "").strip()).filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void theListHasWhatTheAppTheCommandLineAndTheTestsLoad() throws IOException {
        assertThat(packages()).doesNotHaveDuplicates()
                .contains("libopenslide0", "libgtk-3-0", "libgl1", "libgl1-mesa-dri", "libxtst6", "libxxf86vm1", "xvfb");
    }

    @Test
    void readmeAndCiReadTheListInsteadOfRepeatingIt() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains("sudo apt-get install --no-install-recommends $(sed 's/#.*//' installer/linux/apt-packages.txt)");
        String ci = Files.readString(Path.of(".ci/run"));
        assertThat(ci).contains("installer/linux/apt-packages.txt").doesNotContain("packages=(");
    }
}
