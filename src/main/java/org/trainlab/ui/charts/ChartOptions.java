package org.trainlab.ui.charts;

import java.util.Objects;
import java.util.function.BiConsumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * How the charts show their curves: the smoothing of the per-batch loss, the loss axis's scale, the x
 * axis's unit, and the runs hidden from the charts (still listed in the legend). A run's colour is part
 * of the session: choosing one is handed to whoever keeps the session ({@link #setColorHandler}).
 * FX thread only.
 */
public final class ChartOptions {

    /** What the x axes count. */
    public enum XUnit { EPOCHS, SECONDS }

    /** The smoothing a window starts with: TensorBoard's default. */
    public static final double DEFAULT_SMOOTHING = 0.6;
    /** The strongest smoothing the slider offers. */
    public static final double MAX_SMOOTHING = 0.99;

    private final DoubleProperty smoothing = new SimpleDoubleProperty(this, "smoothing", DEFAULT_SMOOTHING);
    private final BooleanProperty logLoss = new SimpleBooleanProperty(this, "logLoss");
    private final ObjectProperty<XUnit> xUnit = new SimpleObjectProperty<>(this, "xUnit", XUnit.EPOCHS);
    private final ObservableSet<String> hidden = FXCollections.observableSet();
    private BiConsumer<String, Integer> colorHandler = (runId, colorIndex) -> { };

    /** The smoothing weight in use, clamped to 0 .. {@link #MAX_SMOOTHING}; 0 draws the raw curve only. */
    public double smoothing() {
        double w = smoothing.get();
        return Double.isFinite(w) ? Math.max(0, Math.min(MAX_SMOOTHING, w)) : 0;
    }

    /** Shows or hides a run on the charts. */
    public void toggleHidden(String runId) {
        if (!hidden.remove(runId)) {
            hidden.add(runId);
        }
    }

    public boolean isHidden(String runId) {
        return hidden.contains(runId);
    }

    /** Gives a run another palette colour; the session keeps it. */
    public void chooseColor(String runId, int colorIndex) {
        colorHandler.accept(Objects.requireNonNull(runId, "runId"), colorIndex);
    }

    /** Called with (run id, palette index) when the user picks a run's colour. */
    public void setColorHandler(BiConsumer<String, Integer> handler) {
        colorHandler = Objects.requireNonNull(handler, "handler");
    }

    /** The exponential moving average's weight for the per-batch loss, 0 .. {@link #MAX_SMOOTHING}. */
    public DoubleProperty smoothingProperty() { return smoothing; }
    /** Whether the loss axis is logarithmic. */
    public BooleanProperty logLossProperty() { return logLoss; }
    public ObjectProperty<XUnit> xUnitProperty() { return xUnit; }
    /** Ids of the runs hidden from the charts. */
    public ObservableSet<String> hidden() { return hidden; }
}
