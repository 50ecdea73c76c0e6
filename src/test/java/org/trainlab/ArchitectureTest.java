package org.trainlab;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trainlab.app.Main;

import java.net.URISyntaxException;
import java.util.List;
import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The layer rules of docs/architecture.md, enforced, each with its reason. */
class ArchitectureTest {

    private static final String[] NATIVE = {"org.deeplearning4j..", "org.nd4j..", "org.bytedeco.."};
    private static final String[] TOOLKITS = {"javafx..", "org.controlsfx..", "org.jfree.chart..", "java.awt..", "javax.swing.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() throws URISyntaxException {
        // the compiled folder itself: scanning every jar on the classpath for the packages takes seconds
        Path root = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        classes = new ClassFileImporter().importPath(root.resolve("org/trainlab"));
        for (String layer : new String[] {"experiment", "data", "engine", "session", "preset", "export", "ui", "cli", "app"}) {
            assertTrue(classes.stream().anyMatch(c -> c.getPackageName().startsWith("org.trainlab." + layer)), layer + " classes found");
        }
    }

    @Test
    void onlyTheEngineTouchesDl4jAndNd4j() {
        noClasses().that().resideOutsideOfPackage("org.trainlab.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(NATIVE)
                .because("DL4J types update in place and hold native memory; everything else gets immutable copies")
                .check(classes);
    }

    @Test
    void onlyTheWindowTouchesAToolkit() {
        noClasses().that().resideOutsideOfPackages("org.trainlab.ui..", "org.trainlab.app..")
                .should().dependOnClassesThat().resideInAnyPackage(TOOLKITS)
                .because("training, data, sessions and exports run headless: command line, tests, any thread")
                .check(classes);
    }

    @Test
    void settingsKnowNothingAboveThem() {
        noClasses().that().resideInAPackage("org.trainlab.experiment..")
                .should().dependOnClassesThat().resideInAnyPackage("org.trainlab.data..", "org.trainlab.engine..",
                        "org.trainlab.session..", "org.trainlab.preset..", "org.trainlab.export..",
                        "org.trainlab.ui..", "org.trainlab.app..", "org.trainlab.cli..")
                .because("settings and metrics are plain records every layer shares")
                .check(classes);
    }

    @Test
    void dataKnowsOnlySettings() {
        noClasses().that().resideInAPackage("org.trainlab.data..")
                .should().dependOnClassesThat().resideInAnyPackage("org.trainlab.engine..", "org.trainlab.session..",
                        "org.trainlab.ui..", "org.trainlab.app..", "org.trainlab.cli..")
                .because("datasets, normalization and augmentation are toolkit-free and reusable")
                .check(classes);
    }

    @Test
    void engineDoesNotReachUp() {
        noClasses().that().resideInAPackage("org.trainlab.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.trainlab.session..", "org.trainlab.preset..",
                        "org.trainlab.export..", "org.trainlab.ui..", "org.trainlab.app..", "org.trainlab.cli..")
                .because("the engine reports through listeners and knows nothing of who listens")
                .check(classes);
    }

    @Test
    void sessionsHearOnlyTheEnginesEvents() {
        noClasses().that().resideInAnyPackage("org.trainlab.session..", "org.trainlab.preset..", "org.trainlab.export..")
                .should().dependOnClassesThat().resideInAnyPackage("org.trainlab.engine.nn..", "org.trainlab.engine.optim..",
                        "org.trainlab.ui..", "org.trainlab.app..", "org.trainlab.cli..")
                .because("sessions, presets and exports work from settings and metric records alone")
                .check(classes);
    }

    @Test
    void windowAndCommandLineDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("org.trainlab.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.trainlab.cli..", "org.trainlab.app..",
                        "org.trainlab.engine.nn..", "org.trainlab.engine.optim..")
                .because("app wires the window; the window knows the engine only through its service and records")
                .check(classes);
        noClasses().that().resideInAPackage("org.trainlab.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.trainlab.ui..")
                .because("the command line runs headless")
                .check(classes);
    }

    @Test
    void viewModelsNeverTouchControls() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "org.controlsfx..", "org.jfree.chart..")
                .because("a view model holds state and validation; its views build controls and bind to it")
                .check(classes);
    }

    @Test
    void viewModelsLeaveThreadsAndFilesToTheTaskDoor() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().belongToAnyOf(Thread.class, java.util.concurrent.Executors.class,
                        java.nio.file.Files.class)
                .because("file work goes through ui.tasks.BackgroundTasks, so tests run it on their own thread")
                .check(classes);
    }

    @Test
    void packagesAreFreeOfCycles() {
        // every package its own slice, sub-packages included: ui.runs and ui.runs.queue may not need each other
        slices().matching("org.trainlab.(**)").should().beFreeOfCycles()
                .because("a package can then be read, tested and changed from the bottom up")
                .check(classes);
    }

    /** INDArray methods that run an operation holding a buffer of its own (dimensions, a scalar): see {@code Ops}. */
    private static final java.util.Set<String> OWNING = java.util.Set.of("addiRowVector", "addRowVector", "subiRowVector",
            "muliRowVector", "diviRowVector", "addiColumnVector", "addColumnVector", "muliColumnVector", "subiColumnVector",
            "diviColumnVector", "norm2Number", "norm1Number", "sumNumber", "meanNumber", "maxNumber", "minNumber",
            "stdNumber", "varNumber", "amaxNumber", "castTo");

    private static final com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaMethodCall>
            OPERATION_FREED_DURING_ITS_CALL = com.tngtech.archunit.base.DescribedPredicate.describe(
            "run an ND4J operation outside Ops", call -> {
                String owner = call.getTargetOwner().getFullName();
                String name = call.getName();
                List<String> params = call.getTarget().getRawParameterTypes().stream().map(t -> t.getName()).toList();
                if (owner.equals("org.nd4j.linalg.factory.Nd4j") && name.equals("exec")) {
                    return true;
                }
                if (owner.equals("org.nd4j.linalg.ops.transforms.Transforms")) {
                    return true;
                }
                if (owner.equals("org.nd4j.linalg.api.ndarray.INDArray")
                        || owner.equals("org.nd4j.linalg.api.ndarray.BaseNDArray")) {
                    boolean scalar = params.contains("java.lang.Number") || params.contains("double")
                            || params.contains("float");
                    boolean dimensions = params.contains("[I") || params.contains("[J");
                    boolean arithmetic = java.util.Set.of("add", "addi", "sub", "subi", "mul", "muli", "div", "divi",
                            "rsub", "rsubi", "rdiv", "rdivi", "assign", "sum", "mean", "max", "min", "norm1", "norm2",
                            "std", "var", "argMax", "amax").contains(name);
                    return OWNING.contains(name) || arithmetic && (scalar || dimensions);
                }
                return false;
            });

    @Test
    void theEngineRunsEveryNd4jOperationThroughOps() {
        noClasses().that().resideInAPackage("org.trainlab.engine..")
                .and().doNotHaveFullyQualifiedName("org.trainlab.engine.nn.Ops")
                .should().callMethodWhere(OPERATION_FREED_DURING_ITS_CALL)
                .because("ND4J does not keep an operation reachable during its native call: what only the operation "
                        + "holds (a broadcast's dimensions, a scalar) can be freed by a collection meanwhile, a native "
                        + "crash (docs/decisions/0010); Ops keeps it reachable")
                .check(classes);
    }
}
