package org.marrowscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.marrowscope.slide.AssociatedImage;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.SlideLevel;
import org.marrowscope.slide.SlideSummary;
import org.marrowscope.slide.IdentifyingProperties;
import org.marrowscope.slide.Slides;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "info", mixinStandardHelpOptions = true,
        header = "Show a slide's format, size, resolution, levels and properties.",
        description = "Show a slide's format, levels, size, resolution, objective, associated images and properties.")
final class InfoCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SLIDE", description = "Slide file (SVS, NDPI, MRXS, TIFF, ... or a PNG/JPEG field image).")
    Path slidePath;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(names = "--no-properties", description = "Leave out the raw property list.")
    boolean noProperties;

    @Option(names = "--show-identifying", description = "Also show properties that may identify the patient (patient, "
            + "barcode, record number, date of birth, names); hidden by default.")
    boolean showIdentifying;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Slide slide = Slides.open(slidePath)) {
            SlideSummary summary = SlideSummary.of(slide);
            if (noProperties || !showIdentifying) {
                summary = new SlideSummary(summary.path(), summary.fileName(), summary.format(), summary.width(),
                        summary.height(), summary.levels(), summary.micronsPerPixel(), summary.objectivePower(),
                        summary.associatedImages(), noProperties ? Map.of()
                                : IdentifyingProperties.hide(summary.properties()));
            }
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary));
            } else {
                printText(summary, out);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void printText(SlideSummary s, PrintWriter out) {
        out.printf(Locale.ROOT, "File        %s%n", Printable.text(s.path()));
        out.printf(Locale.ROOT, "Format      %s%n", s.format());
        String physical = s.micronsPerPixel() == null ? ""
                : String.format(Locale.ROOT, " (%.2f x %.2f mm)", s.width() * s.micronsPerPixel().x() / 1000,
                        s.height() * s.micronsPerPixel().y() / 1000);
        out.printf(Locale.ROOT, "Size        %d x %d px%s%n", s.width(), s.height(), physical);
        out.printf(Locale.ROOT, "Resolution  %s%n", s.micronsPerPixel() == null
                ? "unknown (no calibration in the file; classify with --mpp)"
                : String.format(Locale.ROOT, "%.4f x %.4f um/px (from %s)", s.micronsPerPixel().x(),
                        s.micronsPerPixel().y(), s.micronsPerPixel().source()));
        out.printf(Locale.ROOT, "Objective   %s%n", s.objectivePower() == null ? "unknown"
                : String.format(Locale.ROOT, "%sx", trim(s.objectivePower())));
        out.printf(Locale.ROOT, "Levels      %d%n", s.levels().size());
        for (SlideLevel level : s.levels()) {
            out.printf(Locale.ROOT, "  %2d  %8d x %-8d downsample %s%n", level.index(), level.width(), level.height(),
                    trim(level.downsample()));
        }
        out.printf(Locale.ROOT, "Associated  %s%n", s.associatedImages().isEmpty() ? "none" : "");
        for (AssociatedImage a : s.associatedImages()) {
            out.printf(Locale.ROOT, "  %-10s %d x %d%s%n", a.name(), a.width(), a.height(),
                    a.possiblyIdentifying() ? "  (may show patient identity: never shown or exported unless enabled)" : "");
        }
        if (!s.properties().isEmpty()) {
            out.printf(Locale.ROOT, "Properties  %d%n", s.properties().size());
            s.properties().forEach((k, v) -> out.printf(Locale.ROOT, "  %s = %s%n", Printable.text(k), oneLine(v)));
        }
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String oneLine(String v) {
        return v == null ? "" : Printable.text(v.replace("\r", "\\r").replace("\n", "\\n"));
    }
}
