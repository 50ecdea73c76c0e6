package org.trainlab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.InitKind;
import org.trainlab.experiment.settings.InitSettings;
import org.trainlab.experiment.settings.ModelKind;
import org.trainlab.experiment.settings.ModelSettings;

class PyTorchExportTest {

    /** Debian's python3-torch lives with the system Python; a pyenv python3 on PATH may lack it. */
    private static final String PYTHON = "/usr/bin/python3";
    private static final Pattern EPOCH_LINE = Pattern.compile(
            "epoch 1/1  train loss \\d+\\.\\d{4} acc \\d+\\.\\d{2}%  held-out loss \\d+\\.\\d{4} acc (\\d+\\.\\d{2})%  lr [0-9.e-]+");

    private static boolean torchAvailable;

    @TempDir
    static Path temp;

    @BeforeAll
    static void findTorch() throws Exception {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return;
        }
        Process p = new ProcessBuilder(PYTHON, "-c", "import torch, numpy").redirectErrorStream(true).start();
        torchAvailable = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    @Test
    void theScriptIsWrittenTheTutorialsWay() {
        ExperimentSettings s = Defaults.settings().withModel(new ModelSettings(ModelKind.CNN, true, 0.2))
                .withInit(new InitSettings(InitKind.NORMAL, 0.1));
        String code = PyTorchExport.code(s, Path.of("/data/digits"));
        assertInOrder(code, "class CNN(nn.Module):", "self.layer = nn.Sequential(",
                "nn.Conv2d(1, 16, 3, padding=1),", "nn.BatchNorm2d(16),", "nn.ReLU(),", "nn.Dropout2d(0.2),",
                "nn.Conv2d(16, 32, 3, padding=1),", "nn.MaxPool2d(2, 2),", "nn.Conv2d(32, 64, 3, padding=1),",
                "nn.MaxPool2d(2, 2)", "self.fc_layer = nn.Sequential(", "nn.Linear(64 * 7 * 7, 128),",
                "nn.BatchNorm1d(128),", "nn.ReLU(),", "nn.Dropout(0.2),", "nn.Linear(128, 64),", "nn.Linear(64, 10),",
                "for m in self.modules():", "m.weight.data.normal_(0.0, 0.1)", "m.bias.data.fill_(0)",
                "optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate, betas=(0.9, 0.999), eps=1e-8)",
                "def evaluate():", "model.eval()", "with torch.no_grad():",
                "for i in range(num_epoch):", "model.train()", "optimizer.zero_grad()", "output = model.forward(x)",
                "loss = loss_func(output, y_)", "loss.backward()", "optimizer.step()", "test_loss, test_acc = evaluate()");
        assertTrue(code.contains("parser.add_argument(\"--data\", default=\"/data/digits\""), code);
        assertTrue(code.contains("train_x, train_y = images[:8000], labels[:8000]"));
        assertTrue(code.contains("mean, std = train_x.mean().item(), train_x.std(unbiased=False).item()"));
        assertFalse(code.contains("import torchvision") || code.contains("from torchvision"), "only PyTorch and NumPy");
    }

    @Test
    void eachOptimizerDecayAndSchedulerUsesPyTorchsOwnClass() {
        List<ExperimentSettings> all = ExportSettings.combinations();
        String nesterov = PyTorchExport.code(all.get(1));
        assertTrue(nesterov.contains("optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate, momentum=0.9, nesterov=True)"),
                nesterov);
        assertTrue(nesterov.contains("w.mul_(1 - lr * weight_decay)"), "decoupled decay by hand for SGD");
        assertTrue(nesterov.contains("scheduler = lr_scheduler.StepLR(optimizer, step_size=1, gamma=0.7)"));
        assertTrue(nesterov.contains("out = x.view(x.size(0), -1)") && !nesterov.contains("self.layer"), "the MLP");

        String rms = PyTorchExport.code(all.get(2));
        assertTrue(rms.contains("torch.optim.RMSprop(model.parameters(), lr=learning_rate, alpha=0.99, eps=1e-8)"), rms);
        assertTrue(rms.contains("(loss + penalty).backward()"));
        assertTrue(rms.contains("scheduler = lr_scheduler.ReduceLROnPlateau(optimizer, mode=\"min\", factor=0.1, patience=1,"
                + " threshold=1e-4, threshold_mode=\"rel\", cooldown=0, min_lr=0.0)"), rms);
        assertTrue(rms.contains("scheduler.step(test_loss)"));
        assertTrue(rms.contains("#     transforms.RandomAffine(degrees=15.0, translate=(2 / 28, 2 / 28), scale=(0.9, 1.1)),"), rms);
        assertTrue(rms.contains("init.xavier_uniform_(m.weight.data)"));

        String adagrad = PyTorchExport.code(all.get(3));
        assertTrue(adagrad.contains("torch.optim.Adagrad(model.parameters(), lr=learning_rate, eps=1e-10)"));
        assertTrue(adagrad.contains("lr_scheduler.MultiStepLR(optimizer, milestones=[10, 20, 40], gamma=0.7)"));
        assertTrue(adagrad.contains("mean, std = 0.1307, 0.3081"));
        assertTrue(adagrad.contains("init.kaiming_uniform_(m.weight.data, nonlinearity=\"relu\")"));

        String adamW = PyTorchExport.code(all.get(4));
        assertTrue(adamW.contains("optimizer = torch.optim.AdamW([{\"params\": decay, \"weight_decay\": weight_decay},"), adamW);
        assertTrue(adamW.contains("lr_scheduler.CosineAnnealingLR(optimizer, T_max=10, eta_min=0.0)"));
        assertTrue(adamW.contains("mean, std = 0.0, 1.0"));

        String l2 = PyTorchExport.code(all.get(5));
        assertTrue(l2.contains("optimizer = torch.optim.SGD([{\"params\": decay, \"weight_decay\": weight_decay},"), l2);
        assertTrue(l2.contains("lr=learning_rate, momentum=0.9)"));
        assertTrue(l2.contains("lr_scheduler.LinearLR(optimizer, start_factor=0.1, total_iters=3)"));
        assertTrue(PyTorchExport.code(all.get(6)).contains("lr_scheduler.ExponentialLR(optimizer, gamma=0.7)"));
        assertTrue(PyTorchExport.code(all.get(7)).contains("optimizer = torch.optim.Adam([{\"params\": decay,"),
                "ADAMW with L2 is Adam with weight_decay");
    }

    @Test
    void numbersAreValidPythonLiterals() {
        assertEquals("0.001", PyTorchExport.num(0.001));
        assertEquals("1e-8", PyTorchExport.num(1e-8));
        assertEquals("1.0", PyTorchExport.num(1));
        assertEquals("0.0", PyTorchExport.num(0));
        assertEquals("1e-4", PyTorchExport.num(1e-4));
        assertEquals("2.5e-5", PyTorchExport.num(2.5e-5));
        assertEquals("0.3081", PyTorchExport.num(0.3081));
        assertEquals("\"C:\\\\data\\\\\\\"x\\\"\"", PyTorchExport.str("C:\\data\\\"x\""));
    }

    @Test
    void generatedScriptsTrainOnTheBundledDigits() throws Exception {
        Assumptions.assumeTrue(torchAvailable, PYTHON + " with torch and numpy is not installed");
        Path digits = temp.resolve("digits");
        PyTorchExport.extractBundledDigits(digits);
        List<ExperimentSettings> all = ExportSettings.combinations();
        for (ExperimentSettings s : List.of(all.get(0), all.get(1), all.get(2), all.get(3), all.get(5))) {
            Path script = temp.resolve("run.py");
            Files.writeString(script, PyTorchExport.code(s, digits), StandardCharsets.UTF_8);
            ProcessBuilder pb = new ProcessBuilder(PYTHON, script.toString(), "--epochs", "1", "--limit", "256")
                    .redirectErrorStream(true);
            pb.environment().put("OMP_NUM_THREADS", "2");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), s.name() + " finished");
            assertEquals(0, p.exitValue(), s.name() + ":\n" + out);
            assertTrue(EPOCH_LINE.matcher(out).find(), s.name() + " prints an accuracy line:\n" + out);
            assertTrue(out.contains("Accuracy of Test Data: "), out);
        }
    }

    @Test
    void anUnpreparedDataFolderIsReportedByTheScript() throws Exception {
        Assumptions.assumeTrue(torchAvailable, PYTHON + " with torch and numpy is not installed");
        Path script = temp.resolve("missing.py");
        Files.writeString(script, PyTorchExport.code(Defaults.settings(), temp.resolve("nowhere")), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(PYTHON, script.toString(), "--epochs", "1").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains("missing mnist10k-images-idx3-ubyte[.gz] in " + temp.resolve("nowhere")), out);
    }

    private static void assertInOrder(String text, String... parts) {
        int from = 0;
        for (String part : parts) {
            int at = text.indexOf(part, from);
            assertTrue(at >= 0, "'" + part + "' after position " + from + " in:\n" + text);
            from = at + part.length();
        }
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
