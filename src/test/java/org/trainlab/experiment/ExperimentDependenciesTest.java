package org.trainlab.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.trainlab.experiment.schedule.LrScheduler;

/** The experiment package is shared by the UI, the CLI and the trainer, so it must stay free of them. */
class ExperimentDependenciesTest {

    @Test
    void experimentCodeUsesNoUiOrDeepLearningLibrary() throws URISyntaxException {
        // import the compiled folder directly: scanning the whole classpath's jars takes seconds
        Path classesRoot = Path.of(Defaults.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JavaClasses classes = new ClassFileImporter().importPath(classesRoot.resolve("org/trainlab/experiment"));
        assertTrue(classes.contain(SettingsJson.class) && classes.contain(LrScheduler.class), "classes found");
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.deeplearning4j..", "org.nd4j..")
                .check(classes);
    }
}
