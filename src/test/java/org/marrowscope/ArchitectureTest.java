package org.marrowscope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package boundaries that package-info.java states, checked on the compiled main classes so a wrong import
 * fails the build. The desktop side is {@code app} (with {@code app.bench}) and {@code viewer}; {@code launcher}
 * sits above the desktop and the command line; everything else is the headless core.
 */
class ArchitectureTest {

    private static final String[] DESKTOP = {"javafx..", "org.controlsfx..", "org.kordamp..", "org.marrowscope.app..",
        "org.marrowscope.viewer..", "org.marrowscope.launcher.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.marrowscope");
    }

    @Test
    void theCoreNeverImportsJavaFxTheViewerOrTheApp() {
        noClasses().that().resideOutsideOfPackages("org.marrowscope.app..", "org.marrowscope.viewer..",
                        "org.marrowscope.launcher..")
                .should().dependOnClassesThat().resideInAnyPackage(DESKTOP)
                .because("the pipeline, report and command line run headless, on servers and in CI")
                .check(classes);
    }

    @Test
    void theCommandLineNeverImportsTheDesktop() {
        noClasses().that().resideInAPackage("org.marrowscope.cli..")
                .should().dependOnClassesThat().resideInAnyPackage(DESKTOP)
                .because("the launcher plugs the desktop app into the command line, so cli needs no display")
                .check(classes);
    }

    @Test
    void theViewerKnowsNothingOfTheApp() {
        noClasses().that().resideInAPackage("org.marrowscope.viewer..")
                .should().dependOnClassesThat().resideInAnyPackage("org.marrowscope.app..", "org.marrowscope.launcher..")
                .check(classes);
    }

    @Test
    void theReportNeedsNoInferenceService() {
        noClasses().that().resideInAPackage("org.marrowscope.report..")
                .should().dependOnClassesThat().resideInAnyPackage("org.marrowscope.service..", "org.marrowscope.cli..")
                .because("Grad-CAM maps come through GradCamProvider.Engine from tiles the report holds")
                .check(classes);
    }

    @Test
    void onlyTheSparkPackageImportsSpark() {
        noClasses().that().resideOutsideOfPackage("org.marrowscope.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
                .because("Spark is provided, not shipped: the app, its installer and the command line run without it")
                .check(classes);
    }

    @Test
    void nothingReachesTheSparkGlueButTheServiceLoader() {
        noClasses().that().resideOutsideOfPackage("org.marrowscope.spark..")
                .should().dependOnClassesThat().resideInAPackage("org.marrowscope.spark..")
                .because("the spark package is in its own jar; `cohort` finds it through cohort.CohortEngine")
                .check(classes);
    }

    @Test
    void theCohortJobKnowsNothingOfTheCommandLine() {
        noClasses().that().resideInAPackage("org.marrowscope.cohort..")
                .should().dependOnClassesThat().resideInAnyPackage("org.marrowscope.cli..", "org.marrowscope.spark..")
                .because("executors run cohort code without a command line, and a cohort engine other than Spark may come")
                .check(classes);
    }

    @Test
    void everyPackageStatesItsJobAndWhatItMayImport() throws IOException {
        Path sources = Path.of("src/main/java/org/marrowscope");
        try (Stream<Path> files = Files.walk(sources)) {
            List<Path> packages = files.filter(f -> f.toString().endsWith(".java")).map(Path::getParent).distinct().toList();
            assertThat(packages).hasSizeGreaterThan(20);
            for (Path dir : packages) {
                Path info = dir.resolve("package-info.java");
                assertThat(info).as("package-info.java of %s", sources.relativize(dir)).exists();
                assertThat(Files.readString(info)).as(info.toString()).contains("<p>May import: ");
            }
        }
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.marrowscope.(**)").should().beFreeOfCycles().check(classes);
    }
}
