package org.trainlab.ui.settings;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.trainlab.experiment.settings.AugmentationSettings;
import org.trainlab.experiment.settings.DataSettings;
import org.trainlab.experiment.settings.DatasetSource;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.InitDescriptor;
import org.trainlab.experiment.settings.InitKind;
import org.trainlab.experiment.settings.InitSettings;
import org.trainlab.experiment.settings.ModelKind;
import org.trainlab.experiment.settings.ModelSettings;
import org.trainlab.experiment.settings.NormalizationKind;
import org.trainlab.experiment.settings.NormalizationSettings;
import org.trainlab.experiment.settings.OptimizerKind;
import org.trainlab.experiment.settings.OptimizerParam;
import org.trainlab.experiment.settings.OptimizerSettings;
import org.trainlab.experiment.settings.RegularizationKind;
import org.trainlab.experiment.settings.RegularizationSettings;
import org.trainlab.experiment.settings.SchedulerKind;
import org.trainlab.experiment.settings.SchedulerParam;
import org.trainlab.experiment.settings.SchedulerSettings;
import org.trainlab.experiment.validation.SettingsValidator;
import org.trainlab.experiment.settings.TrainingSettings;
import org.trainlab.experiment.schedule.LrScheduler;
import org.trainlab.ui.settings.NumberInput.Type;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.HashSet;

/**
 * Every technique's settings as the panel edits them: one property per control, typed text kept as
 * typed. Each change rebuilds the {@link ExperimentSettings} and checks it with
 * {@link SettingsValidator}; the problems are kept per field so each control can show its own, and
 * Start stays disabled while any is left. Knows no control; all properties live on the FX thread.
 */
public final class SettingsViewModel {

    /** Weight-decay slider: position 0 is "off", positions 1..DECADES are 10^(position - DECADES). */
    public static final int DECADES = 7;
    static final double DEFAULT_DROPOUT = 0.2;
    // magnitudes a random augmentation starts with when its box is ticked
    static final AugmentationSettings AUGMENTATION_ON = new AugmentationSettings(true, true, true, 15, 2, 0.1, 0.1, 0.5);

    // ---- Inputs
    private final StringProperty name = new SimpleStringProperty(this, "name", "");

    private final ObjectProperty<DatasetSource> source = new SimpleObjectProperty<>(this, "source");
    private final StringProperty folder = new SimpleStringProperty(this, "folder", "");
    private final NumberInput trainSize = new NumberInput("data.trainSize", Type.INTEGER);

    private final ObjectProperty<ModelKind> modelKind = new SimpleObjectProperty<>(this, "modelKind");
    private final BooleanProperty batchNorm = new SimpleBooleanProperty(this, "batchNorm");
    private final BooleanProperty dropout = new SimpleBooleanProperty(this, "dropout");
    private final NumberInput dropoutRate = new NumberInput("model.dropoutRate", Type.DECIMAL);

    private final ObjectProperty<InitKind> initKind = new SimpleObjectProperty<>(this, "initKind");
    private final NumberInput sigma = new NumberInput("init.sigma", Type.DECIMAL);

    private final ObjectProperty<RegularizationKind> decayKind = new SimpleObjectProperty<>(this, "decayKind");
    private final DoubleProperty decayPosition = new SimpleDoubleProperty(this, "decayPosition");
    private final ReadOnlyDoubleWrapper decayStrength = new ReadOnlyDoubleWrapper(this, "decayStrength");

    private final BooleanProperty resizeCrop = new SimpleBooleanProperty(this, "resizeCrop");
    private final BooleanProperty horizontalFlip = new SimpleBooleanProperty(this, "horizontalFlip");
    private final BooleanProperty rotate90 = new SimpleBooleanProperty(this, "rotate90");
    private final BooleanProperty rotation = new SimpleBooleanProperty(this, "rotation");
    private final BooleanProperty shift = new SimpleBooleanProperty(this, "shift");
    private final BooleanProperty zoom = new SimpleBooleanProperty(this, "zoom");
    private final BooleanProperty noise = new SimpleBooleanProperty(this, "noise");
    private final BooleanProperty erasing = new SimpleBooleanProperty(this, "erasing");
    private final NumberInput rotationDegrees = new NumberInput("augmentation.rotationDegrees", Type.DECIMAL);
    private final NumberInput shiftPixels = new NumberInput("augmentation.shiftPixels", Type.INTEGER);
    private final NumberInput zoomAmount = new NumberInput("augmentation.zoom", Type.DECIMAL);
    private final NumberInput noiseStd = new NumberInput("augmentation.noiseStd", Type.DECIMAL);
    private final NumberInput erasingProbability = new NumberInput("augmentation.erasingProbability", Type.DECIMAL);

    private final ObjectProperty<NormalizationKind> normalization = new SimpleObjectProperty<>(this, "normalization");

    private final ObjectProperty<OptimizerKind> optimizerKind = new SimpleObjectProperty<>(this, "optimizerKind");
    /** One field per optimizer parameter slot; the kind's descriptor says which ones matter. */
    private final Map<OptimizerParam, NumberInput> optimizerInputs = optimizerInputs();

    private final ObjectProperty<SchedulerKind> schedulerKind = new SimpleObjectProperty<>(this, "schedulerKind");
    private final StringProperty milestones = new SimpleStringProperty(this, "milestones", "");
    private final ObjectProperty<SchedulerSettings.PlateauMode> plateauMode = new SimpleObjectProperty<>(this, "plateauMode");
    private final ObjectProperty<SchedulerSettings.ThresholdMode> thresholdMode = new SimpleObjectProperty<>(this, "thresholdMode");
    /** One field per numeric scheduler parameter; the kind says which ones matter. */
    private final Map<SchedulerParam, NumberInput> schedulerInputs = schedulerInputs();

    private final NumberInput epochs = new NumberInput("training.epochs", Type.INTEGER);
    private final NumberInput batchSize = new NumberInput("training.batchSize", Type.INTEGER);
    private final NumberInput seed = new NumberInput("training.seed", Type.LONG);

    // ---- Outputs
    private final ReadOnlyObjectWrapper<ExperimentSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings");
    private final ReadOnlyListWrapper<FieldProblem> problems = new ReadOnlyListWrapper<>(this, "problems", FXCollections.observableArrayList());
    private final ObservableMap<String, FieldProblem> fieldProblems = FXCollections.observableHashMap();
    private final ObservableMap<String, FieldProblem> fieldProblemsView = FXCollections.unmodifiableObservableMap(fieldProblems);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyObjectWrapper<double[]> lrPreview = new ReadOnlyObjectWrapper<>(this, "lrPreview", new double[0]);

    private final DatasetViewModel dataset;
    private final AugmentationPreview augmentationPreview = new AugmentationPreview();
    private List<Integer> lastMilestones = Defaults.scheduler().milestones();
    private boolean loading;
    private boolean revalidating;

    public SettingsViewModel(DatasetAccess access, Executor background, Executor fx) {
        this.dataset = new DatasetViewModel(access, background, fx);
        load(Defaults.settings());
        initListeners();
        dataset.start();
    }

    private void initListeners() {
        List<Observable> inputs = new ArrayList<>(List.of(name, source, folder, modelKind, batchNorm, dropout, initKind,
                decayKind, decayPosition, resizeCrop, horizontalFlip, rotate90, rotation, shift, zoom, noise, erasing,
                normalization, optimizerKind, schedulerKind, milestones, plateauMode, thresholdMode,
                dataset.availabilityProperty()));
        for (NumberInput input : numberInputs()) {
            inputs.add(input.textProperty());
        }
        inputs.forEach(o -> o.addListener(changed -> revalidate()));
        // each optimizer starts from PyTorch's defaults for it, as a student's code would
        optimizerKind.addListener((obs, old, kind) -> {
            if (!loading && kind != null) {
                showOptimizer(Defaults.optimizer(kind));
            }
        });
        dataset.splitProperty().addListener(changed -> updateStats());
        dataset.bundledTrainProperty().addListener((obs, old, digits) -> augmentationPreview.setDigits(digits));
    }

    private List<NumberInput> numberInputs() {
        List<NumberInput> all = new ArrayList<>(optimizerInputs.values());
        all.addAll(schedulerInputs.values());
        all.addAll(List.of(trainSize, dropoutRate, sigma, rotationDegrees, shiftPixels, zoomAmount, noiseStd,
                erasingProbability, epochs, batchSize, seed));
        return all;
    }

    // ---- Commands

    /** Shows {@code loaded} in every control; decay strength snaps to the slider's scale. */
    public void load(ExperimentSettings loaded) {
        loading = true;
        try {
            name.set(loaded.name());
            source.set(loaded.data().source());
            folder.set(loaded.data().folder() == null ? "" : loaded.data().folder());
            trainSize.show(loaded.data().trainSize());

            modelKind.set(loaded.model().kind());
            batchNorm.set(loaded.model().batchNorm());
            dropout.set(loaded.model().dropoutRate() > 0);
            dropoutRate.show(loaded.model().dropoutRate() > 0 ? loaded.model().dropoutRate() : DEFAULT_DROPOUT);

            initKind.set(loaded.init().kind());
            sigma.show(loaded.init().sigma());

            RegularizationSettings decay = loaded.regularization();
            boolean decays = decay.kind().descriptor().on();
            decayKind.set(decays ? decay.kind() : RegularizationKind.L2);
            decayPosition.set(decays ? decayPosition(decay.strength()) : 0);

            AugmentationSettings a = loaded.augmentation();
            resizeCrop.set(a.resizeCrop());
            horizontalFlip.set(a.horizontalFlip());
            rotate90.set(a.rotate90());
            rotation.set(a.rotationDegrees() > 0);
            shift.set(a.shiftPixels() > 0);
            zoom.set(a.zoom() > 0);
            noise.set(a.noiseStd() > 0);
            erasing.set(a.erasingProbability() > 0);
            rotationDegrees.show(a.rotationDegrees() > 0 ? a.rotationDegrees() : AUGMENTATION_ON.rotationDegrees());
            shiftPixels.show(a.shiftPixels() > 0 ? a.shiftPixels() : AUGMENTATION_ON.shiftPixels());
            zoomAmount.show(a.zoom() > 0 ? a.zoom() : AUGMENTATION_ON.zoom());
            noiseStd.show(a.noiseStd() > 0 ? a.noiseStd() : AUGMENTATION_ON.noiseStd());
            erasingProbability.show(a.erasingProbability() > 0 ? a.erasingProbability() : AUGMENTATION_ON.erasingProbability());

            normalization.set(loaded.normalization().kind());

            optimizerKind.set(loaded.optimizer().kind());
            showOptimizer(loaded.optimizer());

            SchedulerSettings s = loaded.scheduler();
            schedulerKind.set(s.kind());
            milestones.set(String.join(", ", s.milestones().stream().map(String::valueOf).toList()));
            plateauMode.set(s.plateauMode());
            thresholdMode.set(s.thresholdMode());
            schedulerInputs.forEach((param, input) -> input.show(((Number) param.get(s)).doubleValue()));

            epochs.show(loaded.training().epochs());
            batchSize.show(loaded.training().batchSize());
            seed.showLong(loaded.training().seed());
        } finally {
            loading = false;
        }
        revalidate();
    }

    public void resetToDefaults() {
        load(Defaults.settings());
    }

    public void shuffleAugmentationPreview() {
        augmentationPreview.shuffle();
    }

    private void showOptimizer(OptimizerSettings o) {
        optimizerInputs.forEach((slot, input) -> input.show(slot.get(o)));
    }

    private static Map<SchedulerParam, NumberInput> schedulerInputs() {
        Map<SchedulerParam, NumberInput> inputs = new EnumMap<>(SchedulerParam.class);
        for (SchedulerParam param : SchedulerParam.values()) {
            if (param.range() != null) { // a number; the milestones and the modes have controls of their own
                boolean whole = param.get(Defaults.scheduler()) instanceof Integer;
                inputs.put(param, new NumberInput(param.field(), whole ? Type.INTEGER : Type.DECIMAL));
            }
        }
        return inputs;
    }

    private static Map<OptimizerParam, NumberInput> optimizerInputs() {
        Map<OptimizerParam, NumberInput> inputs = new EnumMap<>(OptimizerParam.class);
        for (OptimizerParam slot : OptimizerParam.values()) {
            inputs.put(slot, new NumberInput(slot.field(), Type.DECIMAL));
        }
        return inputs;
    }

    // ---- Weight decay on a log scale

    /** The strength at a slider position: 0 at the left end, then one decade per unit up to 1. */
    public static double decayStrength(double position) {
        if (position < 0.5) {
            return 0;
        }
        double exponent = Math.max(1, Math.min(DECADES, position)) - DECADES;
        return roundToTwoDigits(Math.pow(10, exponent));
    }

    /** The slider position that shows {@code strength}; 0 for 0. */
    public static double decayPosition(double strength) {
        if (!(strength > 0)) {
            return 0;
        }
        return Math.max(1, Math.min(DECADES, Math.log10(strength) + DECADES));
    }

    private static double roundToTwoDigits(double value) {
        return new BigDecimal(value).round(new MathContext(2)).doubleValue();
    }

    // ---- Validation

    /** Rebuilds the settings from the inputs and collects what is wrong with them, field by field. */
    private void revalidate() {
        if (loading || revalidating) {
            return;
        }
        revalidating = true;
        try {
            // first, so that a dataset that is already at hand counts as ready below
            dataset.select(source.get(), source.get() == DatasetSource.IDX_FOLDER ? folder.get() : "");
            check();
        } finally {
            revalidating = false;
        }
    }

    private void check() {
        List<FieldProblem> found = new ArrayList<>();
        ExperimentSettings built = build(found);
        Set<String> unparsable = new HashSet<>();
        found.forEach(p -> unparsable.add(p.field()));
        for (FieldProblem p : SettingsValidator.validate(built).stream().map(FieldProblem::from).toList()) {
            if (!unparsable.contains(p.field())) {
                found.add(p);
            }
        }
        FieldProblem data = dataset.problem();
        if (data != null) {
            found.add(data);
        }
        found.sort(Comparator.comparingInt(p -> fieldOrder(p.field())));
        settings.set(built);
        problems.setAll(found);
        Map<String, FieldProblem> first = new LinkedHashMap<>();
        found.forEach(p -> first.putIfAbsent(p.field(), p));
        fieldProblems.keySet().retainAll(first.keySet());
        fieldProblems.putAll(first);
        valid.set(found.isEmpty());
        lrPreview.set(preview(built, found));
        if (found.stream().noneMatch(p -> p.field().startsWith("augmentation."))) {
            augmentationPreview.setSettings(built.augmentation());
        }
        updateStats();
    }

    private ExperimentSettings build(List<FieldProblem> problems) {
        DatasetSource src = source.get();
        DataSettings data = new DataSettings(src, src == DatasetSource.IDX_FOLDER ? folder.get().strip() : null,
                NumberInput.toInt(trainSize.read(true, problems)));
        boolean dropoutOn = dropout.get();
        ModelSettings model = new ModelSettings(modelKind.get(), batchNorm.get(),
                dropoutOn ? dropoutRate.read(true, problems) : 0);
        InitKind init = initKind.get();
        InitSettings initSettings = new InitSettings(init, sigma.read(init.descriptor().reads(InitDescriptor.SIGMA), problems));
        double strength = decayStrength(decayPosition.get());
        decayStrength.set(strength);
        RegularizationSettings regularization = strength == 0
                ? new RegularizationSettings(RegularizationKind.NONE, Defaults.regularization().strength())
                : new RegularizationSettings(decayKind.get(), strength);
        AugmentationSettings augmentation = new AugmentationSettings(resizeCrop.get(), horizontalFlip.get(), rotate90.get(),
                rotation.get() ? rotationDegrees.read(true, problems) : 0,
                shift.get() ? NumberInput.toInt(shiftPixels.read(true, problems)) : 0,
                zoom.get() ? zoomAmount.read(true, problems) : 0,
                noise.get() ? noiseStd.read(true, problems) : 0,
                erasing.get() ? erasingProbability.read(true, problems) : 0);
        OptimizerKind opt = optimizerKind.get();
        Map<OptimizerParam, Double> values = new EnumMap<>(OptimizerParam.class);
        optimizerInputs.forEach((slot, input) -> values.put(slot,
                input.read(opt == null ? slot == OptimizerParam.LEARNING_RATE : opt.descriptor().reads(slot), problems)));
        OptimizerSettings optimizer = OptimizerParam.with(Defaults.optimizer(), opt, values);
        SchedulerKind sk = schedulerKind.get();
        Map<SchedulerParam, Double> v = new EnumMap<>(SchedulerParam.class);
        schedulerInputs.forEach((param, input) -> v.put(param, input.read(sk != null && sk.reads(param), problems)));
        SchedulerSettings scheduler = new SchedulerSettings(sk, NumberInput.toInt(v.get(SchedulerParam.STEP_SIZE)),
                v.get(SchedulerParam.GAMMA), milestones(sk != null && sk.reads(SchedulerParam.MILESTONES), problems), plateauMode.get(),
                v.get(SchedulerParam.FACTOR), NumberInput.toInt(v.get(SchedulerParam.PATIENCE)), v.get(SchedulerParam.THRESHOLD),
                thresholdMode.get(), NumberInput.toInt(v.get(SchedulerParam.COOLDOWN)), v.get(SchedulerParam.MIN_LR),
                NumberInput.toInt(v.get(SchedulerParam.T_MAX)), v.get(SchedulerParam.ETA_MIN),
                NumberInput.toInt(v.get(SchedulerParam.WARMUP_EPOCHS)), v.get(SchedulerParam.WARMUP_START_FACTOR));
        TrainingSettings training = new TrainingSettings(
                NumberInput.toInt(epochs.read(true, problems)),
                NumberInput.toInt(batchSize.read(true, problems)),
                seed.readLong(true, problems));
        return new ExperimentSettings(name.get() == null ? "" : name.get().strip(), data, model, initSettings,
                regularization, augmentation, new NormalizationSettings(normalization.get()), optimizer, scheduler, training);
    }

    private List<Integer> milestones(boolean matters, List<FieldProblem> problems) {
        String typed = milestones.get() == null ? "" : milestones.get().strip();
        List<Integer> parsed = new ArrayList<>();
        if (!typed.isEmpty()) {
            for (String part : typed.split("[,;\\s]+")) {
                try {
                    parsed.add(Integer.parseInt(part));
                } catch (NumberFormatException e) {
                    if (matters) {
                        problems.add(FieldProblem.of("scheduler.milestones", "problem.notAList", typed));
                    }
                    return lastMilestones;
                }
            }
        }
        lastMilestones = List.copyOf(parsed);
        return lastMilestones;
    }

    private static double[] preview(ExperimentSettings built, List<FieldProblem> found) {
        boolean usable = found.stream().noneMatch(p -> p.field().startsWith("scheduler.")
                || p.field().equals("optimizer.learningRate") || p.field().equals("training.epochs"));
        if (!usable) {
            return new double[0];
        }
        try {
            return LrScheduler.preview(built.scheduler(), built.optimizer().learningRate(), built.training().epochs());
        } catch (RuntimeException e) {
            return new double[0];
        }
    }

    private void updateStats() {
        ExperimentSettings current = settings.get();
        if (current != null) {
            dataset.updateStats(current.normalization().kind(), current.data().trainSize());
        }
    }

    /** Problems are listed in the panel's order, so the first one named is the first one met. */
    private static int fieldOrder(String field) {
        String section = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
        List<String> order = List.of("name", "data", "training", "model", "regularization", "augmentation", "init",
                "scheduler", "normalization", "optimizer");
        int index = order.indexOf(section);
        return index < 0 ? order.size() : index;
    }

    // ---- Properties

    public StringProperty nameProperty() { return name; }
    public ObjectProperty<DatasetSource> sourceProperty() { return source; }
    public StringProperty folderProperty() { return folder; }
    public NumberInput trainSize() { return trainSize; }
    public ObjectProperty<ModelKind> modelKindProperty() { return modelKind; }
    public BooleanProperty batchNormProperty() { return batchNorm; }
    public BooleanProperty dropoutProperty() { return dropout; }
    public NumberInput dropoutRate() { return dropoutRate; }
    public ObjectProperty<InitKind> initKindProperty() { return initKind; }
    public NumberInput sigma() { return sigma; }
    /** L2, DECOUPLED or L1; the strength decides whether decay is on. */
    public ObjectProperty<RegularizationKind> decayKindProperty() { return decayKind; }
    public DoubleProperty decayPositionProperty() { return decayPosition; }
    public ReadOnlyDoubleProperty decayStrengthProperty() { return decayStrength.getReadOnlyProperty(); }
    public BooleanProperty resizeCropProperty() { return resizeCrop; }
    public BooleanProperty horizontalFlipProperty() { return horizontalFlip; }
    public BooleanProperty rotate90Property() { return rotate90; }
    public BooleanProperty rotationProperty() { return rotation; }
    public BooleanProperty shiftProperty() { return shift; }
    public BooleanProperty zoomProperty() { return zoom; }
    public BooleanProperty noiseProperty() { return noise; }
    public BooleanProperty erasingProperty() { return erasing; }
    public NumberInput rotationDegrees() { return rotationDegrees; }
    public NumberInput shiftPixels() { return shiftPixels; }
    public NumberInput zoomAmount() { return zoomAmount; }
    public NumberInput noiseStd() { return noiseStd; }
    public NumberInput erasingProbability() { return erasingProbability; }
    public ObjectProperty<NormalizationKind> normalizationProperty() { return normalization; }
    public ObjectProperty<OptimizerKind> optimizerKindProperty() { return optimizerKind; }
    public NumberInput optimizerInput(OptimizerParam slot) { return optimizerInputs.get(slot); }
    public NumberInput learningRate() { return optimizerInputs.get(OptimizerParam.LEARNING_RATE); }
    public NumberInput momentum() { return optimizerInputs.get(OptimizerParam.MOMENTUM); }
    public NumberInput beta1() { return optimizerInputs.get(OptimizerParam.BETA1); }
    public NumberInput beta2() { return optimizerInputs.get(OptimizerParam.BETA2); }
    public NumberInput epsilon() { return optimizerInputs.get(OptimizerParam.EPSILON); }
    public NumberInput rmsDecay() { return optimizerInputs.get(OptimizerParam.RMS_DECAY); }
    public ObjectProperty<SchedulerKind> schedulerKindProperty() { return schedulerKind; }
    /** The field of a numeric scheduler parameter (not the milestones or the modes). */
    public NumberInput schedulerInput(SchedulerParam param) { return schedulerInputs.get(param); }
    public NumberInput stepSize() { return schedulerInputs.get(SchedulerParam.STEP_SIZE); }
    public NumberInput gamma() { return schedulerInputs.get(SchedulerParam.GAMMA); }
    public StringProperty milestonesProperty() { return milestones; }
    public ObjectProperty<SchedulerSettings.PlateauMode> plateauModeProperty() { return plateauMode; }
    public ObjectProperty<SchedulerSettings.ThresholdMode> thresholdModeProperty() { return thresholdMode; }
    public NumberInput epochs() { return epochs; }
    public NumberInput batchSize() { return batchSize; }
    public NumberInput seed() { return seed; }

    /** The settings as typed; usable for a run only while {@link #validProperty()} is true. */
    public ReadOnlyObjectProperty<ExperimentSettings> settingsProperty() { return settings.getReadOnlyProperty(); }
    /** Everything wrong, in the panel's order. */
    public ReadOnlyListProperty<FieldProblem> problemsProperty() { return problems.getReadOnlyProperty(); }
    /** The first problem of each field, by field path. */
    public ObservableMap<String, FieldProblem> fieldProblems() { return fieldProblemsView; }
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }
    /** The learning rate of each planned epoch; empty while the schedule's fields are wrong. */
    public ReadOnlyObjectProperty<double[]> lrPreviewProperty() { return lrPreview.getReadOnlyProperty(); }
    public DatasetViewModel dataset() { return dataset; }
    public AugmentationPreview augmentationPreview() { return augmentationPreview; }
}
