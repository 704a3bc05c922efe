package org.marrowscope.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.concurrent.Task;
import org.marrowscope.synth.smear.SmearClass;
import org.marrowscope.synth.SyntheticSlideWriter;
import org.marrowscope.synth.smear.SmearSpec;
import org.marrowscope.synth.tiff.TiffWriteOptions;

/**
 * The bundled demo: a synthetic AML bone marrow smear, generated on first use into the user's data folder
 * (shipping a slide would add hundreds of megabytes to the download; rendering it takes seconds).
 */
public final class DemoSlide {

    public static final String FILE_NAME = "demo-aml-20000x15000.tiff";
    static final long WIDTH = 20_000;
    static final long HEIGHT = 15_000;
    static final long SEED = 7;

    private DemoSlide() {
    }

    public static boolean exists(AppPaths paths) {
        return Files.isRegularFile(paths.demoSlide());
    }

    /**
     * A task that writes the demo slide (cancelling it interrupts the writer, which leaves nothing behind).
     * Its value is the slide's path.
     */
    public static Task<Path> generate(AppPaths paths, String generator) {
        return generate(paths.demoSlide(), SmearSpec.of(SmearClass.AML, SEED, WIDTH, HEIGHT), generator);
    }

    static Task<Path> generate(Path out, SmearSpec spec, String generator) {
        return new Task<>() {
            @Override
            protected Path call() throws IOException, InterruptedException {
                updateMessage("Rendering a synthetic AML bone marrow smear (" + spec.width() + " x " + spec.height() + " pixels)");
                Files.createDirectories(out.getParent());
                SyntheticSlideWriter.write(spec, out, TiffWriteOptions.defaults(), (done, total) -> {
                    updateProgress(done, total);
                    if (isCancelled()) {
                        Thread.currentThread().interrupt();
                    }
                }, generator);
                return out;
            }
        };
    }
}
