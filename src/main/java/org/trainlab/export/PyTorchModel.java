package org.trainlab.export;

import java.util.ArrayList;
import java.util.List;
import org.trainlab.experiment.architecture.Architecture;
import org.trainlab.experiment.architecture.LayerSpec;
import org.trainlab.experiment.settings.InitSettings;
import org.trainlab.experiment.settings.ModelKind;
import org.trainlab.experiment.settings.ModelSettings;

/**
 * The model part of the PyTorch script: the layers {@link Architecture#of} lists, written as the tutorial
 * writes them ({@code self.layer} for the convs, {@code self.fc_layer} after flattening, both
 * {@code nn.Sequential}), the initialization loop (§3) and the forward pass.
 */
final class PyTorchModel {

    private static final String INDENT = "            ";

    private PyTorchModel() {
    }

    static void write(Lines py, ModelSettings m, InitSettings init) {
        boolean cnn = m.kind() == ModelKind.CNN;
        String name = cnn ? "CNN" : "MLP";
        List<String> convs = new ArrayList<>();
        List<String> fcs = new ArrayList<>();
        String flattened = null;
        for (LayerSpec spec : Architecture.of(m)) {
            if (spec instanceof LayerSpec.Flatten flatten) {
                flattened = (flatten.channels() == 1 ? "" : flatten.channels() + " * ") + flatten.height() + " * "
                        + flatten.width();
            } else if (flattened == null) {
                convs.add(layer(spec, null));
            } else {
                fcs.add(layer(spec, fcs.isEmpty() ? flattened : null));
            }
        }
        py.line();
        py.line("class " + name + "(nn.Module):");
        py.line("    def __init__(self):");
        py.line("        super(" + name + ", self).__init__()");
        if (!convs.isEmpty()) {
            py.line("        self.layer = nn.Sequential(");
            for (int i = 0; i < convs.size(); i++) {
                py.line(INDENT + convs.get(i) + (i < convs.size() - 1 ? "," : ""));
            }
            py.line("        )");
        }
        py.line("        self.fc_layer = nn.Sequential(");
        fcs.forEach(fc -> py.line(INDENT + fc + ","));
        py.line("        )");
        py.line();
        py.line("        # Section 3, weight initialization; biases start at zero");
        py.line("        for m in self.modules():");
        py.line("            if isinstance(m, nn.Conv2d) or isinstance(m, nn.Linear):");
        py.line("                " + initCall(init));
        py.line("                m.bias.data.fill_(0)");
        py.line();
        py.line("    def forward(self, x):");
        if (!convs.isEmpty()) {
            py.line("        out = self.layer(x)");
            py.line("        out = out.view(out.size(0), -1)    # the tutorial writes batch_size; out.size(0) also fits a smaller last batch");
        } else {
            py.line("        out = x.view(x.size(0), -1)");
        }
        py.line("        out = self.fc_layer(out)");
        py.line("        return out");
        py.line();
        py.line();
        py.line("model = " + name + "().to(device)");
        py.line("loss_func = nn.CrossEntropyLoss()");
        py.line();
    }

    /**
     * One layer as a constructor call: conv -> BN -> ReLU -> Dropout2d after convs, as TrainLab builds it (§7
     * before the ReLU, §8 after it); {@code in} spells the first fc layer's input as the flattening's product.
     */
    private static String layer(LayerSpec spec, String in) {
        if (spec instanceof LayerSpec.Conv c) {
            return "nn.Conv2d(" + c.in() + ", " + c.out() + ", " + c.kernel() + ", padding=" + c.padding() + ")";
        } else if (spec instanceof LayerSpec.BatchNorm bn) {
            return "nn.BatchNorm" + (bn.spatial() ? "2d(" : "1d(") + bn.features() + ")";
        } else if (spec instanceof LayerSpec.Relu) {
            return "nn.ReLU()";
        } else if (spec instanceof LayerSpec.MaxPool p) {
            return "nn.MaxPool2d(" + p.size() + ", " + p.size() + ")";
        } else if (spec instanceof LayerSpec.Dropout d) {
            return (d.spatial() ? "nn.Dropout2d(" : "nn.Dropout(") + PyTorchExport.num(d.rate()) + ")";
        } else if (spec instanceof LayerSpec.Dense d) {
            return "nn.Linear(" + (in == null ? String.valueOf(d.in()) : in) + ", " + d.out() + ")";
        }
        throw new IllegalArgumentException("no PyTorch layer for " + spec);
    }

    private static String initCall(InitSettings init) {
        return init.kind().descriptor().torchInit(init, PyTorchExport::num);
    }
}
