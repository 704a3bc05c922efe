package org.marrowscope.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.marrowscope.model.ModelBundleException;
import org.marrowscope.pipeline.PipelineException;
import org.marrowscope.pipeline.SlideUnsuitableException;
import org.marrowscope.slide.SlideException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Error dialogs that say what went wrong and what to do, in words; stack traces go to the log only. */
public final class Dialogs {

    private static final Logger LOG = LoggerFactory.getLogger(Dialogs.class);

    private Dialogs() {
    }

    /** Shows an error (non-blocking, so a test or a background callback never waits on it). */
    public static Alert error(Window owner, String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, "", ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(520);
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().getStyleClass().add("error-dialog");
        alert.show();
        return alert;
    }

    /** Shows a failure with a title saying what was being done; the cause's message says why. */
    public static Alert failure(Window owner, String title, Throwable error) {
        Throwable cause = unwrap(error);
        if (!(cause instanceof SlideException || cause instanceof ModelBundleException || cause instanceof IOException
                || cause instanceof PipelineException || cause instanceof SlideUnsuitableException
                || cause instanceof IllegalArgumentException)) {
            LOG.error(title, cause);
        }
        return error(owner, title, message(cause));
    }

    /** The person-readable message of a failure: known failures carry one; anything else is a bug to report. */
    public static String message(Throwable error) {
        Throwable cause = unwrap(error);
        return switch (cause) {
            case SlideException e -> e.getMessage();
            case ModelBundleException e -> e.getMessage();
            case PipelineException e -> e.getMessage();
            case SlideUnsuitableException e -> e.getMessage();
            case IOException e -> e.getMessage();
            case IllegalArgumentException e -> e.getMessage();
            case OutOfMemoryError e -> "MarrowScope ran out of memory. Lower the tile cache in Settings, or give Java more"
                    + " memory (MARROWSCOPE_JAVA_OPTS=-Xmx8g).";
            default -> "Unexpected internal error (" + cause + "). Please report it with the log.";
        };
    }

    static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException || t instanceof UncheckedIOException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
