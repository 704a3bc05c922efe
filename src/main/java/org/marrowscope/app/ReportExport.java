package org.marrowscope.app;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.marrowscope.model.GradCam;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.report.CaseInfo;
import org.marrowscope.report.GradCamProvider;
import org.marrowscope.report.ReportOptions;
import org.marrowscope.report.ReportWriter;
import org.marrowscope.service.GradCamLookup;

/**
 * The result panel's "Export PDF report": a save dialog, then the report written in the background (never on
 * the FX thread), with Grad-CAM from the warm inference service. The label image goes in only when the user
 * has allowed label and macro images in the settings.
 */
final class ReportExport {

    private ReportExport() {
    }

    /**
     * @param resultFile where the result is saved (the report is proposed beside it)
     * @param reference the pathologist's diagnosis, or null
     * @param done told on the FX thread with the written file (for the status bar and tests)
     */
    static void ask(Window owner, AppContext context, Path slide, ClassificationResult result, Path resultFile,
            String reference, java.util.function.Consumer<Path> done) {
        Path proposed = ReportWriter.besideResult(resultFile);
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export PDF report");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF report", "*.pdf"));
        if (proposed.getParent() != null && proposed.getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(proposed.getParent().toFile());
        }
        chooser.setInitialFileName(proposed.getFileName().toString());
        java.io.File chosen = chooser.showSaveDialog(owner);
        if (chosen != null) {
            write(owner, context, slide, result, reference, chosen.toPath(), done);
        }
    }

    /** Writes the report to {@code target} in the background; errors become a dialog. */
    static void write(Window owner, AppContext context, Path slide, ClassificationResult result, String reference,
            Path target, java.util.function.Consumer<Path> done) {
        boolean includeLabel = context.settings().get().showAssociatedImages();
        ReportWriter writer = new ReportWriter(context.software(), ReportOptions.DEFAULTS.withIncludeLabel(includeLabel));
        CaseInfo caseInfo = CaseInfo.NONE.withReferenceDiagnosis(reference);
        context.background().submit(() -> {
            try {
                GradCamProvider cams = GradCamLookup.locate(context.inference(), slide, result,
                        List.of(context.modelsFolder()), GradCam.Layer.PENULTIMATE, context.device());
                ReportWriter.Written written = writer.write(slide, result, caseInfo, cams, target);
                Platform.runLater(() -> {
                    done.accept(written.file());
                    if (!written.warnings().isEmpty()) {
                        Alert note = new Alert(Alert.AlertType.INFORMATION, String.join("\n", written.warnings()), ButtonType.OK);
                        note.initOwner(owner);
                        note.setHeaderText("Report written to " + written.file().getFileName() + ", with notes");
                        note.show();
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception | LinkageError e) {
                Platform.runLater(() -> Dialogs.failure(owner, "The PDF report could not be written", e));
            }
        });
    }
}
