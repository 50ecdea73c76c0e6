package org.trainlab;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layer rules of docs/architecture.md, enforced. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.trainlab");
    }

    private static final String[] NATIVE = {"org.deeplearning4j..", "org.nd4j..", "org.bytedeco.."};

    @Test
    void onlyTheEngineTouchesDl4jAndNd4j() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.trainlab.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(NATIVE)
                .because("DL4J types update in place and hold native memory; everything else gets immutable copies");
        rule.check(classes);
    }

    @Test
    void onlyTheWindowTouchesJavaFx() {
        noClasses().that().resideOutsideOfPackages("org.trainlab.ui..", "org.trainlab.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.jfree.chart.fx..")
                .because("training, data and settings run headless (command line, tests) and on any thread")
                .check(classes);
    }

    @Test
    void settingsKnowNothingAboveThem() {
        noClasses().that().resideInAPackage("org.trainlab.experiment..")
                .should().dependOnClassesThat().resideInAnyPackage("org.trainlab.data..", "org.trainlab.engine..",
                        "org.trainlab.ui..", "org.trainlab.app..", "org.trainlab.cli..")
                .because("settings and metrics are plain records every layer shares")
                .check(classes);
    }

    @Test
    void dataKnowsOnlySettings() {
        noClasses().that().resideInAPackage("org.trainlab.data..")
                .should().dependOnClassesThat().resideInAnyPackage("org.trainlab.engine..", "org.trainlab.ui..",
                        "org.trainlab.app..", "org.trainlab.cli..")
                .because("datasets, normalization and augmentation are toolkit-free and reusable")
                .check(classes);
    }

    @Test
    void engineDoesNotReachUp() {
        noClasses().that().resideInAPackage("org.trainlab.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.trainlab.ui..", "org.trainlab.app..", "org.trainlab.cli..")
                .because("the engine reports through listeners and knows nothing of who listens")
                .check(classes);
    }

    @Test
    void windowAndCommandLineDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("org.trainlab.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.trainlab.cli..", "org.trainlab.app..")
                .because("app wires the window; the window does not know how it was started")
                .check(classes);
        noClasses().that().resideInAPackage("org.trainlab.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.trainlab.ui..")
                .because("the command line runs headless")
                .check(classes);
    }
}
