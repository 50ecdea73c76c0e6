package org.trainlab.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The window's layering, as STYLE.md states it. */
class UiDependenciesTest {

    // the compiled folder itself: scanning the classpath's jars for the package takes seconds
    private final JavaClasses ui = new ClassFileImporter().importPath(classes().resolve("org/trainlab/ui"));

    private static Path classes() {
        try {
            return Path.of(MainViewModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theWindowNeverTouchesTheDeepLearningLibrary() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.deeplearning4j..")
                .because("the engine alone owns DL4J/ND4J; the UI receives immutable records of plain numbers")
                .check(ui);
    }

    @Test
    void viewModelsNeverTouchControls() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "org.controlsfx..", "org.jfree.chart..")
                .because("a view model holds state and validation; its views build controls and bind to it")
                .check(ui);
    }
}
