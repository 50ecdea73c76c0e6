package org.trainlab.ui.inside;

import java.util.List;
import java.util.Locale;

import org.trainlab.experiment.inside.ConfusionMatrix;
import org.trainlab.experiment.inside.InsideEpoch;
import org.trainlab.experiment.inside.LayerProbe;

/** The confusion matrix and the layer statistics as CSV, for spreadsheets and course scripts. */
public final class InsideCsv {

    private InsideCsv() {
    }

    /** One row per true class: {@code true,pred_0,...,pred_9}; counts of held-out digits. */
    public static String confusion(ConfusionMatrix m) {
        StringBuilder out = new StringBuilder("true");
        for (int p = 0; p < m.classes(); p++) {
            out.append(",pred_").append(p);
        }
        out.append('\n');
        for (int t = 0; t < m.classes(); t++) {
            out.append(t);
            for (int p = 0; p < m.classes(); p++) {
                out.append(',').append(m.count(t, p));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** One row per epoch and layer with the layer's statistics, epochs in order. */
    public static String layers(List<InsideEpoch> epochs) {
        StringBuilder out = new StringBuilder("epoch,layer,weights,activation_mean,activation_std,zero_fraction,"
                + "gradient_norm,log10_update_ratio\n");
        for (InsideEpoch e : epochs) {
            for (LayerProbe p : e.layers()) {
                out.append(e.epoch()).append(',').append(p.name()).append(',').append(p.weightCount())
                        .append(',').append(number(p.activationMean())).append(',').append(number(p.activationStd()))
                        .append(',').append(number(p.zeroFraction())).append(',').append(number(p.gradientNorm()))
                        .append(',').append(number(p.log10UpdateRatio())).append('\n');
            }
        }
        return out.toString();
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
    }
}
