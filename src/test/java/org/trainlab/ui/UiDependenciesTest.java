package org.trainlab.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The window's layering, as STYLE.md states it. */
class UiDependenciesTest {

    private final JavaClasses ui = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.trainlab.ui");

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
