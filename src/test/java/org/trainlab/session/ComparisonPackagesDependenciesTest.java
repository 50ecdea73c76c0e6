package org.trainlab.session;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.trainlab.export.Dl4jExport;
import org.trainlab.preset.PresetLoader;

/**
 * Sessions, presets and exports are shared by the window and the command line and tested headless, so
 * they use no UI toolkit and no deep-learning library: the DL4J export writes DL4J code as text only.
 * Sessions may know the engine's listener interface, never its ND4J internals.
 */
class ComparisonPackagesDependenciesTest {

    @Test
    void sessionPresetAndExportCodeUseNoUiOrDeepLearningLibrary() throws URISyntaxException {
        // import the compiled folders directly: scanning the whole classpath's jars takes seconds
        Path classesRoot = Path.of(Session.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JavaClasses classes = new ClassFileImporter().importPaths(
                classesRoot.resolve("org/trainlab/session"),
                classesRoot.resolve("org/trainlab/preset"),
                classesRoot.resolve("org/trainlab/export"));
        assertTrue(classes.contain(SessionAutosaver.class) && classes.contain(PresetLoader.class)
                && classes.contain(Dl4jExport.class), "classes found");
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.deeplearning4j..", "org.nd4j..", "java.awt..", "javax.swing..")
                .because("these packages must run headless, in the command line and in tests")
                .check(classes);
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.trainlab.engine.nn..", "org.trainlab.engine.optim..")
                .because("sessions only hear the engine's listener events")
                .check(classes);
    }
}
