package org.trainlab.data;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The data package stays plain JDK so the engine, the CLI and the UI can all use it. */
class DataPackageDependenciesTest {

    @Test
    void dataDependsOnNoUiOrDeepLearningLibrary() {
        JavaClasses data = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.trainlab.data");
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "org.deeplearning4j..", "org.nd4j..", "java.awt..", "javax.swing..")
                .check(data);
    }
}
