package org.marrowscope.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import org.marrowscope.train.TrainingReport;

/** What the train commands print when a bundle has been written. */
final class TrainReports {

    private TrainReports() {
    }

    static void print(PrintWriter out, TrainingReport r) {
        for (String note : r.notes()) {
            out.println("note: " + note);
        }
        out.printf(Locale.ROOT, "Wrote %s (%s %s%s): best epoch %d of %d, %d training and %d validation tiles,"
                        + " %.0f s, %.1f tiles/s%n", r.bundle(), r.manifest().name(), r.manifest().version(),
                r.manifest().demo() ? ", demonstration model" : "", r.bestEpoch(), r.history().size(), r.trainTiles(),
                r.validationTiles(), r.seconds(), r.imagesPerSecond());
        for (Map.Entry<String, Double> m : r.metrics().entrySet()) {
            out.printf(Locale.ROOT, "  %-28s %.4f%n", m.getKey(), m.getValue());
        }
        out.flush();
    }
}
