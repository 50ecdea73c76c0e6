package org.trainlab.experiment.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleFunction;

/**
 * Everything about one optimizer kind that is not its update rule, written once and read by the
 * validator, the settings differences, the settings panel and both exporters (the shape of Tribuo's
 * {@code GradientOptimiserOptions} and DJL's {@code Optimizer} builders): its name, its default
 * learning rate, the parameters it reads with their ranges, defaults and labels, and how PyTorch and
 * DL4J spell it.
 *
 * <p>Export templates name parameters by their record component in braces ({@code {momentum}},
 * {@code {rmsDecay}}); the DL4J template also has {@code {rate}} (the builder's learning-rate call,
 * fixed or scheduled) and {@code {lr}} (the learning rate or its schedule as a constructor argument).
 *
 * @param name             the name people know it by, the same in every language ("RMSprop")
 * @param learningRate     the default learning rate (PyTorch's, where it has one)
 * @param params           the parameters it reads besides the learning rate, in the panel's order
 * @param torchClass       e.g. {@code torch.optim.RMSprop}
 * @param torchArgs        keyword arguments after {@code lr=}, e.g. {@code alpha={rmsDecay}, eps={epsilon}}
 * @param dl4jClass        the DL4J updater class in {@code org.nd4j.linalg.learning.config}
 * @param dl4jUpdater      the expression that builds the DL4J updater
 * @param dl4jNote         a comment above the updater when DL4J differs, else empty
 */
public record OptimizerDescriptor(String name, double learningRate, List<Param> params, String torchClass,
                                  String torchArgs, String dl4jClass, String dl4jUpdater, String dl4jNote) {

    /** The range every kind's learning rate must lie in. */
    public static final Range LEARNING_RATE_RANGE = Range.aboveAtMost(0, 10);

    /**
     * One parameter of one kind.
     *
     * @param slot   where {@link OptimizerSettings} keeps it
     * @param value  the default (PyTorch's)
     * @param range  allowed values
     * @param label  the path whose labels name it: {@code field.<label>} in the panel, {@code diff.field.<label>}
     *               in differences; the slot's own path unless the kind calls it otherwise
     * @param note   appended to the validator's English message when out of range, else empty
     * @param main   shown with the kind's name when the kind changes ("Momentum (momentum 0.9)")
     */
    public record Param(OptimizerParam slot, double value, Range range, String label, String note, boolean main) {
    }

    public OptimizerDescriptor {
        params = List.copyOf(params);
    }

    /** Starts a descriptor: {@code describe("RMSprop", 0.01).param(...).torch(...).dl4j(...)}. */
    public static Builder describe(String name, double learningRate) {
        return new Builder(name, learningRate);
    }

    public boolean reads(OptimizerParam slot) {
        return slot == OptimizerParam.LEARNING_RATE || param(slot).isPresent();
    }

    public Optional<Param> param(OptimizerParam slot) {
        return params.stream().filter(p -> p.slot() == slot).findFirst();
    }

    /** The label path of a slot for this kind: its own name for it, else the slot's path. */
    public String label(OptimizerParam slot) {
        return param(slot).map(Param::label).orElse(slot.field());
    }

    /** Fills {@code {component}} placeholders of a template with the settings' values, written by {@code number}. */
    public static String fill(String template, OptimizerSettings settings, DoubleFunction<String> number) {
        String text = template;
        for (OptimizerParam slot : OptimizerParam.values()) {
            text = text.replace("{" + slot.component() + "}", number.apply(slot.get(settings)));
        }
        return text;
    }

    public static final class Builder {
        private final String name;
        private final double learningRate;
        private final List<Param> params = new ArrayList<>();
        private String torchClass = "", torchArgs = "", dl4jClass = "", dl4jUpdater = "", dl4jNote = "";

        private Builder(String name, double learningRate) {
            this.name = name;
            this.learningRate = learningRate;
        }

        public Builder param(OptimizerParam slot, double value, Range range) {
            return param(slot, value, range, slot.field(), "", false);
        }

        public Builder param(OptimizerParam slot, double value, Range range, String label, String note, boolean main) {
            params.add(new Param(slot, value, range, label, note, main));
            return this;
        }

        /** The last parameter is shown with the kind's name when the kind changes. */
        public Builder main() {
            Param last = params.remove(params.size() - 1);
            params.add(new Param(last.slot(), last.value(), last.range(), last.label(), last.note(), true));
            return this;
        }

        public Builder torch(String torchClass, String torchArgs) {
            this.torchClass = torchClass;
            this.torchArgs = torchArgs;
            return this;
        }

        public Builder dl4j(String dl4jClass, String dl4jUpdater, String dl4jNote) {
            this.dl4jClass = dl4jClass;
            this.dl4jUpdater = dl4jUpdater;
            this.dl4jNote = dl4jNote;
            return this;
        }

        public OptimizerDescriptor build() {
            return new OptimizerDescriptor(name, learningRate, params, torchClass, torchArgs, dl4jClass, dl4jUpdater, dl4jNote);
        }
    }
}
