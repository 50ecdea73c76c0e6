package org.trainlab.ui.charts;

import org.jfree.chart.axis.NumberAxis;
import org.trainlab.experiment.text.Messages;

/** The charts' x axes in epochs or in seconds of training. */
final class XAxes {

    private XAxes() {
    }

    /** Labels the axis for the unit and spans it from 0 to the end of the runs shown. */
    static void apply(NumberAxis axis, ChartsModel model, Messages messages) {
        ChartOptions.XUnit unit = model.options().xUnitProperty().get();
        String label = messages.get(unit == ChartOptions.XUnit.SECONDS ? "chart.x.axisSeconds" : "chart.epoch");
        if (!label.equals(axis.getLabel())) {
            axis.setLabel(label);
        }
        axis.setRange(0, end(model));
    }

    /**
     * Where the x axes end: the most planned epochs of the runs shown, or in seconds, the latest time
     * one of them will reach at its pace so far (so the axis does not rescale at every point).
     */
    static double end(ChartsModel model) {
        double epochs = Math.max(1, model.epochsProperty().get());
        if (model.options().xUnitProperty().get() == ChartOptions.XUnit.EPOCHS) {
            return epochs;
        }
        double end = 0;
        for (ChartsModel.Overlay o : model.overlaysProperty().get()) {
            RunExtras run = model.extras(o.runId());
            if (run == null || model.options().isHidden(o.shownAs())) {
                continue;
            }
            double planned = run.time.seconds(epochs);
            end = Math.max(end, Double.isFinite(planned) ? planned : run.time.lastSeconds());
        }
        return end > 0 ? end * 1.02 : 1;
    }
}
