package org.trainlab.experiment.settings;

import java.lang.reflect.RecordComponent;
import java.util.List;

/** Settings for tests. */
public final class TestSettings {

    private TestSettings() {
    }

    /** Valid settings in which every field differs from {@link Defaults#settings()}. */
    public static ExperimentSettings allDifferentFromDefaults() {
        return new ExperimentSettings(
                "Everything on: ünïcödé \"quoted\"",
                new DataSettings(DatasetSource.IDX_FOLDER, "/data/fashion idx", 5000),
                new ModelSettings(ModelKind.MLP, true, 0.25),
                new InitSettings(InitKind.NORMAL, 0.05),
                new RegularizationSettings(RegularizationKind.DECOUPLED, 5e-3),
                new AugmentationSettings(true, true, true, 15.5, 3, 0.1, 0.05, 0.5),
                new NormalizationSettings(NormalizationKind.FIXED_MNIST),
                new OptimizerSettings(OptimizerKind.NESTEROV, 0.05, 0.8, 0.85, 0.99, 1e-6, 0.9),
                new SchedulerSettings(SchedulerKind.REDUCE_ON_PLATEAU, 4, 0.5, List.of(3, 7),
                        SchedulerSettings.PlateauMode.MAX, 0.2, 3, 0.01, SchedulerSettings.ThresholdMode.ABS, 2, 1e-6,
                        25, 1e-5, 2, 0.25),
                new TrainingSettings(30, 128, -7L));
    }

    /**
     * Defaults with some fields changed, by dotted path: {@code set("optimizer.kind", OptimizerKind.SGD,
     * "optimizer.learningRate", 0.5)}. Paths are the same as the validator's field names.
     */
    public static ExperimentSettings set(Object... pathsAndValues) {
        ExperimentSettings settings = Defaults.settings();
        for (int i = 0; i < pathsAndValues.length; i += 2) {
            settings = with(settings, (String) pathsAndValues[i], pathsAndValues[i + 1]);
        }
        return settings;
    }

    /** A copy of a record with the component at a dotted path replaced, through the canonical constructors. */
    @SuppressWarnings("unchecked")
    public static <R extends Record> R with(R record, String path, Object value) {
        int dot = path.indexOf('.');
        String head = dot < 0 ? path : path.substring(0, dot);
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean found = false;
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = components[i].getAccessor().invoke(record);
                if (components[i].getName().equals(head)) {
                    found = true;
                    args[i] = dot < 0 ? value : with((Record) args[i], path.substring(dot + 1), value);
                }
            }
            if (!found) {
                throw new IllegalArgumentException("no component " + head + " in " + record.getClass().getSimpleName());
            }
            return (R) record.getClass().getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
