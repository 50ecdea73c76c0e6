package org.trainlab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trainlab.engine.NativeRuntime;
import org.trainlab.engine.nn.Architectures;
import org.trainlab.engine.nn.Network;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.ModelKind;
import org.trainlab.experiment.settings.ModelSettings;
import org.trainlab.experiment.settings.SchedulerKind;

/** The generated DL4J code compiles against DL4J 1.0.0-M2.1 and builds the network TrainLab trains. */
class Dl4jExportTest {

    @BeforeAll
    static void loadNativeLibraryTheWayTheAppDoes() {
        NativeRuntime.ensureLoaded(); // picks the libnd4j variant before DL4J touches ND4J
    }

    @Test
    void everyCombinationCompilesAndBuildsTrainLabsNetwork() throws Exception {
        List<ExperimentSettings> all = new ArrayList<>(ExportSettings.combinations());
        all.add(Defaults.settings().withName("Nesterov").withOptimizer(Defaults.optimizer(
                org.trainlab.experiment.settings.OptimizerKind.NESTEROV)));
        all.add(Defaults.settings().withName("CNN with dropout, no BN")
                .withModel(new ModelSettings(ModelKind.CNN, false, 0.3)));
        all.add(Defaults.settings().withName("MLP plain").withModel(new ModelSettings(ModelKind.MLP, false, 0)));
        for (int i = 0; i < all.size(); i++) {
            ExperimentSettings s = all.get(i);
            String className = "TrainLabNetwork" + i;
            String code = Dl4jExport.code(s, className);
            Class<?> type = compile(className, code);
            Method configuration = type.getMethod("configuration");
            MultiLayerConfiguration conf = (MultiLayerConfiguration) configuration.invoke(null);
            MultiLayerNetwork net = new MultiLayerNetwork(conf);
            net.init();
            assertEquals(expectedDl4jParameters(s.model()), net.numParams(), s.name() + ":\n" + code);
        }
    }

    @Test
    void everyShippedPresetRunCompiles() throws Exception {
        List<ExperimentSettings> runs = ExportSettings.presetRuns();
        for (int i = 0; i < runs.size(); i++) {
            compile("Preset" + i, Dl4jExport.code(runs.get(i), "Preset" + i));
        }
    }

    @Test
    void theCodeSaysWhatDl4jMeansByItsNumbers() {
        ExperimentSettings s = Defaults.settings().withModel(new ModelSettings(ModelKind.CNN, true, 0.3))
                .withScheduler(Defaults.scheduler().withKind(SchedulerKind.REDUCE_ON_PLATEAU));
        String code = Dl4jExport.code(s);
        assertTrue(code.contains(".layer(new DropoutLayer.Builder().dropOut(new SpatialDropout(0.7)).build())"), code);
        assertTrue(code.contains(".layer(new DropoutLayer.Builder(0.7).build())    // DL4J's dropOut takes the probability to keep: 1 - 0.3"));
        assertTrue(code.contains("public static final class ReduceLrOnPlateau"));
        assertTrue(code.contains(".weightInit(WeightInit.RELU)"));
        assertTrue(code.contains(".updater(new Adam.Builder().learningRate(0.001).beta1(0.9).beta2(0.999).epsilon(1e-8).build())"));
        Map<Integer, Double> changes = Dl4jExport.rateChanges(
                Defaults.scheduler().withKind(SchedulerKind.MULTI_STEP), 1e-3, 15); // milestones 10, 20, 40; gamma 0.7
        assertEquals(List.of(0, 10), List.copyOf(changes.keySet()));
        assertEquals(1e-3, changes.get(0), 1e-15);
        assertEquals(7e-4, changes.get(10), 1e-15);
    }

    /** TrainLab's trainable parameters, plus DL4J's batch-norm running mean and variance, which it counts as parameters. */
    private static long expectedDl4jParameters(ModelSettings model) {
        long trainlab;
        try (Network net = Architectures.build(model)) {
            trainlab = net.paramCount();
        }
        long bnChannels = !model.batchNorm() ? 0 : model.kind() == ModelKind.CNN ? 16 + 32 + 64 + 128 + 64 : 128 + 64;
        return trainlab + 2 * bnChannels;
    }

    /** Compiles one class in memory against the test classpath and loads it. */
    static Class<?> compile(String className, String code) throws ClassNotFoundException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, null, null);
        Map<String, ByteArrayOutputStream> classes = new HashMap<>();
        JavaFileManager files = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String name, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + name.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return classes.computeIfAbsent(name, n -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///" + className + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
        StringWriter out = new StringWriter();
        List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-Xlint:none", "-proc:none");
        boolean ok = compiler.getTask(out, files, diagnostics, options, null, List.of(source)).call();
        assertTrue(ok, "compiles:\n" + diagnostics.getDiagnostics() + "\n" + out + "\n" + numbered(code));
        ClassLoader loader = new ClassLoader(Dl4jExportTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                ByteArrayOutputStream bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] b = bytes.toByteArray();
                return defineClass(name, b, 0, b.length);
            }
        };
        return loader.loadClass(className);
    }

    private static String numbered(String code) {
        StringBuilder sb = new StringBuilder();
        String[] lines = code.split("\n");
        for (int i = 0; i < lines.length; i++) {
            sb.append(i + 1).append(": ").append(lines[i]).append('\n');
        }
        return sb.toString();
    }
}
