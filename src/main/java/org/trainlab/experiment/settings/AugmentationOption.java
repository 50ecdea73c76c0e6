package org.trainlab.experiment.settings;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * §2 the augmentation options, in the order the augmenter applies them: each one's settings field,
 * its magnitude's range (switches have none), whether it is on, and its label. Read by the validator,
 * the settings differences, the panel, both exporters and the augmenter, so "is it on" is said once.
 */
public enum AugmentationOption {
    RESIZE_CROP("resizeCrop", "resizeCrop", a -> a.resizeCrop() ? 1 : 0, null, false),
    HORIZONTAL_FLIP("horizontalFlip", "horizontalFlip", a -> a.horizontalFlip() ? 1 : 0, null, false),
    ROTATE_90("rotate90", "rotate90", a -> a.rotate90() ? 1 : 0, null, false),
    ROTATION("rotationDegrees", "rotation", AugmentationSettings::rotationDegrees, Range.closed(0, 180), false),
    SHIFT("shiftPixels", "shift", AugmentationSettings::shiftPixels, Range.closed(0, 14), false),
    ZOOM("zoom", "zoom", AugmentationSettings::zoom, Range.closed(0, 0.5), true),
    NOISE("noiseStd", "noise", AugmentationSettings::noiseStd, Range.closed(0, 1), false),
    ERASING("erasingProbability", "erasing", AugmentationSettings::erasingProbability, Range.closed(0, 1), false);

    private final String component;
    private final String label;
    private final ToDoubleFunction<AugmentationSettings> magnitude;
    private final Range range;
    private final boolean percent;

    AugmentationOption(String component, String label, ToDoubleFunction<AugmentationSettings> magnitude, Range range,
                       boolean percent) {
        this.component = component;
        this.label = label;
        this.magnitude = magnitude;
        this.range = range;
        this.percent = percent;
    }

    /** The record component, e.g. {@code rotationDegrees}; the settings path is {@code augmentation.<component>}. */
    public String component() {
        return component;
    }

    public String field() {
        return "augmentation." + component;
    }

    /** The window's name for it: {@code augmentation.<label>} in the bundle. */
    public String label() {
        return label;
    }

    /** The magnitude (1 or 0 for a switch). */
    public double magnitude(AugmentationSettings settings) {
        return magnitude.applyAsDouble(settings);
    }

    /** The allowed magnitudes; null for a switch. */
    public Range range() {
        return range;
    }

    /** Shown as a percentage (the zoom's ±10%). */
    public boolean percent() {
        return percent;
    }

    /** On: a switch that is set, a magnitude above 0. */
    public boolean isOn(AugmentationSettings settings) {
        return magnitude(settings) > 0;
    }

    /** Whether any option is on, i.e. whether training batches are augmented at all. */
    public static boolean anyOn(AugmentationSettings settings) {
        return Arrays.stream(values()).anyMatch(o -> o.isOn(settings));
    }

    /** Whether a random rotation, shift or zoom is on (they share one resampling pass). */
    public static boolean warps(AugmentationSettings settings) {
        return ROTATION.isOn(settings) || SHIFT.isOn(settings) || ZOOM.isOn(settings);
    }
}
