package org.marrowscope;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The fixtures are the files their README describes: every listed file is present with its SHA-256. */
class SlideFixturesTest {

    @Test
    void everyFixtureMatchesItsReadme() throws Exception {
        Path dir = TestData.slidesDir();
        Map<String, String> listed = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^([0-9a-f]{64})  (\\S+)$").matcher(Files.readString(dir.resolve("README.md")));
        while (m.find()) {
            listed.put(m.group(2), m.group(1));
        }
        assertThat(listed).containsOnlyKeys("CMU-1-Small-Region.svs", "small.svs", "boxes.tiff", "unopenable.tiff",
                "unreadable.svs");
        for (Map.Entry<String, String> e : listed.entrySet()) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(TestData.slide(e.getKey())));
            assertThat(HexFormat.of().formatHex(digest)).as(e.getKey()).isEqualTo(e.getValue());
        }
    }
}
