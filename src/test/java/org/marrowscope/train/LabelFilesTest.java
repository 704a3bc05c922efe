package org.marrowscope.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.labels.DiagnosisLabels;
import org.marrowscope.labels.LabelFileException;
import org.marrowscope.labels.LabelledSlide;
import org.marrowscope.train.TileSource.ImageTile;
import org.marrowscope.train.TileSource.SlideTile;

class LabelFilesTest {

    static final List<String> CLASSES = List.of("ALL", "AML", "CML", "Lymphoma", "MM");

    @TempDir
    Path dir;

    @BeforeEach
    void slides() throws IOException {
        Files.writeString(dir.resolve("a.tiff"), "x");
        Files.writeString(dir.resolve("b, with comma.tiff"), "x");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/c.svs"), "x");
    }

    private Path csv(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void readsTheViewersTileReviewFormat() throws Exception {
        Path f = csv("tiles.csv", "slide,x,y,size,label\na.tiff,0,256,512,good\n\n\"b, with comma.tiff\",512,0,512,POOR\n"
                + dir.resolve("sub/c.svs") + ",1024,1024,1024,Good\n");
        List<QualitySample> s = QualityLabels.read(f);
        assertThat(s).hasSize(3);
        assertThat(s.get(0)).isEqualTo(new QualitySample(new SlideTile(dir.resolve("a.tiff"), 0, 256, 512), true));
        assertThat(s.get(1).source()).isEqualTo(new SlideTile(dir.resolve("b, with comma.tiff"), 512, 0, 512));
        assertThat(s.get(1).good()).isFalse();
        assertThat(s.get(2).source()).isEqualTo(new SlideTile(dir.resolve("sub/c.svs"), 1024, 1024, 1024));
    }

    @Test
    void columnsMayComeInAnyOrderAndASpreadsheetByteOrderMarkIsIgnored() throws Exception {
        Path f = csv("tiles.csv", "\uFEFFlabel,size,y,x,slide\ngood,512,0,0,a.tiff\n");
        assertThat(QualityLabels.read(f)).containsExactly(new QualitySample(new SlideTile(dir.resolve("a.tiff"), 0, 0, 512), true));
    }

    @Test
    void writesWhatItReads() throws Exception {
        List<QualitySample> samples = List.of(
                new QualitySample(new SlideTile(dir.resolve("b, with comma.tiff"), 256, 512, 512), false),
                new QualitySample(new SlideTile(dir.resolve("sub/c.svs"), 0, 0, 512), true));
        Path f = dir.resolve("out.csv");
        QualityLabels.write(f, samples);
        assertThat(Files.readAllLines(f).getFirst()).isEqualTo("slide,x,y,size,label");
        assertThat(Files.readAllLines(f).get(2)).isEqualTo("sub/c.svs,0,0,512,good");
        assertThat(QualityLabels.read(f)).isEqualTo(samples);
    }

    @Test
    void badQualityFilesAreRefusedWithTheirLine() throws Exception {
        expectLine("slide,x,y,size,label\na.tiff,0,0,512,good\na.tiff,0,0,512,maybe\n", 3, "label \"maybe\" is neither good nor poor");
        expectLine("slide,x,y,size,label\na.tiff,0,zero,512,good\n", 2, "y \"zero\" is not a whole number of pixels");
        expectLine("slide,x,y,size,label\na.tiff,0,0,0,good\n", 2, "size 0 must be at least 1");
        expectLine("slide,x,y,size,label\na.tiff,-5,0,512,good\n", 2, "x -5 must be at least 0");
        expectLine("slide,x,y,size,label\na.tiff,0,0,512,good\nmissing.tiff,0,0,512,good\n", 3,
                "slide \"missing.tiff\" not found");
        expectLine("slide,x,y,size,label\na.tiff,0,0,512,good\n\na.tiff,0,0,512,poor\n", 4, "is already labelled on line 2");
        expectLine("slide,x,y,size,label\na.tiff,0,0,512\n", 2, "expected 5 values");
        expectLine("slide,x,y,size,lable\na.tiff,0,0,512,good\n", 1, "unknown column \"lable\"");
        expectLine("slide,x,y,label\na.tiff,0,0,good\n", 1, "the header has no \"size\" column");
        expectLine("slide,x,y,size,label\n", 0, "no labelled rows");
        expectLine("", 0, "the file is empty");
    }

    private void expectLine(String content, int line, String problem) throws IOException {
        Path f = csv("bad.csv", content);
        assertThatThrownBy(() -> QualityLabels.read(f)).isInstanceOfSatisfying(LabelFileException.class, e -> {
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.getMessage()).startsWith(f + (line > 0 ? ", line " + line + ": " : ": ")).contains(problem);
        });
    }

    @Test
    void readsAGoodPoorFolderAndRefusesStrayFiles() throws Exception {
        Path root = dir.resolve("tiles");
        Files.createDirectories(root.resolve("good"));
        Files.createDirectories(root.resolve("poor"));
        Files.writeString(root.resolve("good/t1.png"), "x");
        Files.writeString(root.resolve("poor/t2.JPG"), "x");
        Files.writeString(root.resolve("poor/.DS_Store"), "x");
        assertThat(QualityLabels.read(root)).containsExactly(
                new QualitySample(new ImageTile(root.resolve("good/t1.png")), true),
                new QualitySample(new ImageTile(root.resolve("poor/t2.JPG")), false));
        Files.writeString(root.resolve("poor/notes.txt"), "x");
        assertThatThrownBy(() -> QualityLabels.read(root)).isInstanceOf(LabelFileException.class)
                .hasMessageContaining("notes.txt").hasMessageContaining("not a picture file");
        Path noPoor = dir.resolve("half");
        Files.createDirectories(noPoor.resolve("good"));
        assertThatThrownBy(() -> QualityLabels.read(noPoor)).hasMessageContaining("poor/ is missing");
    }

    @Test
    void aTileLabelledInTwoFilesIsRefused() throws Exception {
        Path one = csv("one.csv", "slide,x,y,size,label\na.tiff,0,0,512,good\n");
        Path two = csv("two.csv", "slide,x,y,size,label\na.tiff,0,0,512,poor\n");
        assertThatThrownBy(() -> QualityLabels.readAll(List.of(one, two))).hasMessageContaining("also labelled in");
    }

    @Test
    void readsDiagnosesInAnyCaseWithAnOptionalPatient() throws Exception {
        Path f = csv("labels.csv", "slide,diagnosis,patient\na.tiff,lymphoma,P1\nsub/c.svs,mm,\n");
        List<LabelledSlide> s = DiagnosisLabels.read(f, CLASSES);
        assertThat(s).containsExactly(new LabelledSlide(dir.resolve("a.tiff"), "P1", 3),
                new LabelledSlide(dir.resolve("sub/c.svs"), "c.svs", 4));
        Path other = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(other.resolve("a.tiff"), "x");
        assertThat(DiagnosisLabels.read(csv("l2.csv", "slide,diagnosis\na.tiff,ALL\n"), CLASSES, other).getFirst().slide())
                .isEqualTo(other.resolve("a.tiff"));
    }

    @Test
    void badDiagnosisFilesAreRefusedWithTheirLine() throws Exception {
        Path f = csv("labels.csv", "slide,diagnosis\na.tiff,AML\nsub/c.svs,CLL\n");
        assertThatThrownBy(() -> DiagnosisLabels.read(f, CLASSES)).isInstanceOf(LabelFileException.class)
                .hasMessage(f + ", line 3: unknown diagnosis \"CLL\" (expected one of ALL, AML, CML, Lymphoma, MM)");
        Path twice = csv("twice.csv", "slide,diagnosis\na.tiff,AML\n./a.tiff,AML\n");
        assertThatThrownBy(() -> DiagnosisLabels.read(twice, CLASSES)).hasMessageContaining("line 3")
                .hasMessageContaining("already labelled on line 2");
        Path empty = csv("empty.csv", "slide,diagnosis\na.tiff,\n");
        assertThatThrownBy(() -> DiagnosisLabels.read(empty, CLASSES)).hasMessageContaining("line 2: the diagnosis is empty");
        Path header = csv("header.csv", "file,diagnosis\na.tiff,AML\n");
        assertThatThrownBy(() -> DiagnosisLabels.read(header, CLASSES)).hasMessageContaining("line 1: unknown column \"file\"");
    }
}
