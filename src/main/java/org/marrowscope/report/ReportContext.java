package org.marrowscope.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.slide.Slide;

/**
 * What every section needs while the report is laid out: the inputs, the page flow and styles, figure numbers,
 * and the warnings collected for the caller (e.g. Grad-CAM maps that could not be made).
 */
final class ReportContext {

    private static final float JPEG_QUALITY = 0.88f;

    final Path slidePath;
    final Slide slide;
    final ClassificationResult result;
    final CaseInfo caseInfo;
    final ReportOptions options;
    final GradCamProvider gradCams;
    final String software;
    final Instant created;
    final PageFlow flow;
    final Styles styles;
    private final List<String> warnings = new ArrayList<>();
    private int figures;
    private int gradCamMaps;

    ReportContext(Path slidePath, Slide slide, ClassificationResult result, CaseInfo caseInfo, ReportOptions options,
            GradCamProvider gradCams, String software, Instant created, PageFlow flow, Styles styles) {
        this.slidePath = slidePath;
        this.slide = slide;
        this.result = result;
        this.caseInfo = caseInfo;
        this.options = options;
        this.gradCams = gradCams;
        this.software = software;
        this.created = created;
        this.flow = flow;
        this.styles = styles;
    }

    void warn(String message) {
        warnings.add(message);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    void countGradCam() {
        gradCamMaps++;
    }

    int gradCamMaps() {
        return gradCamMaps;
    }

    int nextFigure() {
        return ++figures;
    }

    /** A section heading, kept on the same page as at least {@code keepWith} points of what follows. */
    void heading(String text, float keepWith) throws IOException {
        flow.ensure(styles.heading().leading() + 6 + keepWith);
        flow.down(8);
        flow.paragraph(text, styles.heading());
        flow.line(flow.left(), flow.y() + 1, flow.left() + flow.width(), flow.y() + 1, Styles.ACCENT, 0.8f);
        flow.down(5);
    }

    void subheading(String text, float keepWith) throws IOException {
        flow.ensure(styles.subheading().leading() + 8 + keepWith);
        flow.down(8);
        flow.paragraph(text, styles.subheading());
        flow.down(2);
    }

    /** Height {@link #caption} takes across the full width, to keep a caption on its figure's page. */
    float captionHeight(String text) throws IOException {
        return PageFlow.height("Figure 99. " + text, styles.caption(), flow.width()) + 9;
    }

    /** "Figure n. text" under a figure, across {@code width} points from {@code x}. */
    void caption(int number, String text, float x, float width) throws IOException {
        flow.down(3);
        flow.paragraph("Figure " + number + ". " + text, styles.caption(), x, width);
        flow.down(6);
    }

    /** Photographic content (slide, tiles, heat maps) as JPEG; small synthetic graphics as lossless. */
    PDImageXObject photo(BufferedImage image) throws IOException {
        return JPEGFactory.createFromImage(flow.document(), image, JPEG_QUALITY);
    }

    PDImageXObject lossless(BufferedImage image) throws IOException {
        return LosslessFactory.createFromImage(flow.document(), image);
    }

    /** Stops the report when the thread was interrupted (cancel). */
    static void checkCancelled() throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("report cancelled");
        }
    }
}
