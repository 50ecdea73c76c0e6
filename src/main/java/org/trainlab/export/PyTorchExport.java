package org.trainlab.export;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;
import org.trainlab.data.AppDirs;
import org.trainlab.data.BundledDigits;
import org.trainlab.data.DatasetCatalog;
import org.trainlab.experiment.settings.AugmentationOption;
import org.trainlab.experiment.settings.AugmentationSettings;
import org.trainlab.experiment.settings.DatasetSource;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.NormalizationKind;
import org.trainlab.experiment.settings.OptimizerDescriptor;
import org.trainlab.experiment.settings.OptimizerKind;
import org.trainlab.experiment.settings.OptimizerSettings;
import org.trainlab.experiment.settings.RegularizationKind;
import org.trainlab.experiment.settings.RegularizationSettings;
import org.trainlab.experiment.settings.SchedulerSettings;
import org.trainlab.experiment.text.SettingsDiff;

/**
 * "Copy as code": a complete, runnable PyTorch script that trains what a run's settings describe, written
 * the way the tutorial writes it ({@code self.layer} and {@code self.fc_layer} in {@code nn.Sequential},
 * the initialization loop over {@code self.modules()}, {@code model.train()} / {@code model.eval()} and
 * {@code torch.no_grad()} for evaluation, one {@code scheduler.step()} per epoch).
 *
 * <p>The script needs only PyTorch and NumPy, as Debian's python3-torch provides them, and no
 * torchvision: it reads the IDX .gz files with gzip and NumPy, batches with {@code torch.randperm}, and
 * writes the augmentation steps as tensor operations (the torchvision {@code transforms.Compose} they
 * stand for is shown as a comment). It takes {@code --data FOLDER}, {@code --epochs N} and
 * {@code --limit N} (at most N training and N held-out images, for a quick try). The bundled digits are
 * split as TrainLab splits them: the first 8,000 for training, the last 2,000 held out.
 *
 * <p>Same settings, not the same numbers: PyTorch draws its own random numbers.
 */
public final class PyTorchExport {

    /** Where {@link #extractBundledDigits} puts the bundled digits for scripts: {@code <cache>/datasets/bundled-digits}. */
    public static final String BUNDLED_FOLDER_NAME = "bundled-digits";
    static final String BUNDLED_IMAGES = "mnist10k-images-idx3-ubyte";
    static final String BUNDLED_LABELS = "mnist10k-labels-idx1-ubyte";

    private PyTorchExport() {
    }

    /** The script, with the data folder defaulting to where TrainLab keeps the run's digits (see {@link #defaultDataFolder}). */
    public static String code(ExperimentSettings settings) {
        return code(settings, defaultDataFolder(settings));
    }

    /**
     * The folder a script reads by default: for the bundled digits {@code <cache>/datasets/bundled-digits}
     * (fill it with {@link #extractBundledDigits}), for MNIST and Fashion-MNIST their download folder, for
     * an IDX folder that folder.
     */
    public static Path defaultDataFolder(ExperimentSettings settings) {
        DatasetSource source = settings.data().source();
        return switch (source) {
            case BUNDLED_DIGITS -> AppDirs.cacheDir().resolve("datasets").resolve(BUNDLED_FOLDER_NAME);
            case MNIST, FASHION_MNIST -> AppDirs.datasetCache(DatasetCatalog.forSource(source));
            case IDX_FOLDER -> Path.of(settings.data().folder() == null ? "." : settings.data().folder());
        };
    }

    /** Copies the bundled digits' two .gz files out of the program into {@code folder}, for scripts to read. */
    public static void extractBundledDigits(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (String resource : List.of(BundledDigits.IMAGES_RESOURCE, BundledDigits.LABELS_RESOURCE)) {
            try (InputStream in = PyTorchExport.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("classpath resource " + resource + " not found");
                }
                Path target = folder.resolve(resource.substring(resource.lastIndexOf('/') + 1));
                Path temp = Files.createTempFile(folder, ".digits", ".tmp");
                try {
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
        }
    }

    /** The script, reading the digits from {@code dataFolder} unless {@code --data} says otherwise. */
    public static String code(ExperimentSettings s, Path dataFolder) {
        Lines py = new Lines();
        header(py, s);
        settings(py, s, dataFolder);
        data(py, s);
        normalization(py, s.normalization().kind());
        augmentation(py, s.augmentation());
        PyTorchModel.write(py, s.model(), s.init());
        optimizer(py, s.optimizer(), s.regularization());
        scheduler(py, s.scheduler());
        training(py, s);
        return py.toString();
    }

    private static void header(Lines py, ExperimentSettings s) {
        py.line("#!/usr/bin/env python3");
        py.line("# -*- coding: utf-8 -*-");
        py.line("# TrainLab run: " + oneLine(s.name()));
        py.line("# " + oneLine(SettingsDiff.summary(s)));
        py.line("#");
        py.line("# The same settings in PyTorch, written the way the tutorial writes them. Needs only PyTorch and");
        py.line("# NumPy (no torchvision): the digits are read from IDX .gz files with gzip and NumPy, and the");
        py.line("# augmentation steps are plain tensor operations. PyTorch draws its own random numbers, so the");
        py.line("# curves match TrainLab's in shape, not digit for digit.");
        py.line("#");
        py.line("#     python3 this_file.py [--data FOLDER] [--epochs N] [--limit N]");
        py.line("import argparse");
        py.line("import gzip");
        py.line("import math");
        py.line("import os");
        py.line("import struct");
        py.line();
        py.line("import numpy as np");
        py.line("import torch");
        py.line("import torch.nn as nn");
        py.line("import torch.nn.functional as F");
        py.line("import torch.nn.init as init");
        py.line("import torch.optim.lr_scheduler as lr_scheduler");
        py.line();
    }

    private static void settings(Lines py, ExperimentSettings s, Path dataFolder) {
        py.line("batch_size = " + s.training().batchSize());
        py.line("learning_rate = " + num(s.optimizer().learningRate()));
        py.line("num_epoch = " + s.training().epochs());
        py.line("seed = " + s.training().seed());
        py.line("train_size = " + s.data().trainSize() + "    # TrainLab trains on the first train_size training images");
        py.line();
        py.line("parser = argparse.ArgumentParser(description=" + str("TrainLab run: " + oneLine(s.name())) + ")");
        py.line("parser.add_argument(\"--data\", default=" + str(dataFolder.toString())
                + ", help=\"folder holding the IDX files (.gz or not)\")");
        py.line("parser.add_argument(\"--epochs\", type=int, default=num_epoch, help=\"number of epochs\")");
        py.line("parser.add_argument(\"--limit\", type=int, default=0,");
        py.line("                    help=\"use at most this many training and held-out images, for a quick try (0: all)\")");
        py.line("args = parser.parse_args()");
        py.line("num_epoch = args.epochs");
        py.line();
        py.line("torch.manual_seed(seed)");
        py.line("device = torch.device(\"cuda:0\" if torch.cuda.is_available() else \"cpu\")");
        py.line();
    }

    private static void data(Lines py, ExperimentSettings s) {
        py.line();
        py.line("def read_idx(path):");
        py.line("    \"\"\"An IDX file of unsigned bytes (raw or .gz) as a NumPy array.\"\"\"");
        py.line("    opener = gzip.open if path.endswith(\".gz\") else open");
        py.line("    with opener(path, \"rb\") as f:");
        py.line("        data = f.read()");
        py.line("    zero, dtype, dims = struct.unpack(\">HBB\", data[:4])");
        py.line("    if zero != 0 or dtype != 0x08:");
        py.line("        raise SystemExit(path + \" is not an IDX file of unsigned bytes\")");
        py.line("    shape = struct.unpack(\">\" + \"I\" * dims, data[4:4 + 4 * dims])");
        py.line("    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)");
        py.line();
        py.line();
        py.line("def find(name):");
        py.line("    for candidate in (name, name + \".gz\"):");
        py.line("        path = os.path.join(args.data, candidate)");
        py.line("        if os.path.exists(path):");
        py.line("            return path");
        py.line("    raise SystemExit(\"missing \" + name + \"[.gz] in \" + args.data + \" (choose the folder with --data)\")");
        py.line();
        py.line();
        if (s.data().source() == DatasetSource.BUNDLED_DIGITS) {
            py.line("# TrainLab's bundled digits: 10,000 real MNIST digits in one file; like TrainLab, train on the");
            py.line("# first 8,000 and hold out the last 2,000");
            py.line("images = read_idx(find(\"" + BUNDLED_IMAGES + "\"))");
            py.line("labels = read_idx(find(\"" + BUNDLED_LABELS + "\"))");
            py.line("train_x, train_y = images[:8000], labels[:8000]");
            py.line("test_x, test_y = images[8000:], labels[8000:]");
        } else {
            py.line("train_x = read_idx(find(\"train-images-idx3-ubyte\"))");
            py.line("train_y = read_idx(find(\"train-labels-idx1-ubyte\"))");
            py.line("test_x = read_idx(find(\"t10k-images-idx3-ubyte\"))");
            py.line("test_y = read_idx(find(\"t10k-labels-idx1-ubyte\"))");
        }
        py.line("train_x, train_y = train_x[:train_size], train_y[:train_size]");
        py.line("if args.limit > 0:");
        py.line("    train_x, train_y = train_x[:args.limit], train_y[:args.limit]");
        py.line("    test_x, test_y = test_x[:args.limit], test_y[:args.limit]");
        py.line();
        py.line();
        py.line("def to_tensor(images):");
        py.line("    \"\"\"As transforms.ToTensor(): bytes to floats in [0, 1], shape (N, 1, 28, 28).\"\"\"");
        py.line("    return torch.from_numpy(images.astype(np.float32) / 255.0).unsqueeze(1)");
        py.line();
        py.line();
        py.line("train_x, test_x = to_tensor(train_x), to_tensor(test_x)");
        py.line("train_y, test_y = torch.from_numpy(train_y.astype(np.int64)), torch.from_numpy(test_y.astype(np.int64))");
        py.line();
    }

    private static void normalization(Lines py, NormalizationKind kind) {
        py.line("# Section 5, data normalization: x' = (x - mean) / std");
        switch (kind) {
            case NONE -> {
                py.line("# off: pixels stay in [0, 1]");
                py.line("mean, std = 0.0, 1.0");
            }
            case FIXED_MNIST -> py.line("mean, std = 0.1307, 0.3081    # transforms.Normalize(mean=(0.1307,), std=(0.3081,))");
            case TRAINING_SPLIT -> {
                py.line("# the training images' own mean and std (never the held-out images'), as TrainLab computes them");
                py.line("mean, std = train_x.mean().item(), train_x.std(unbiased=False).item()");
            }
        }
        py.line();
        py.line();
        py.line("def normalize(x):");
        py.line("    return (x - mean) / std");
        py.line();
    }

    private static boolean augmentationOn(AugmentationSettings a) {
        return AugmentationOption.anyOn(a);
    }

    private static void augmentation(Lines py, AugmentationSettings a) {
        py.line();
        if (!augmentationOn(a)) {
            py.line("def augment(x):");
            py.line("    return x    # Section 2, data augmentation: off");
            py.line();
            return;
        }
        boolean warp = AugmentationOption.warps(a);
        py.line("# Section 2, data augmentation, on training batches only. With torchvision it would read:");
        py.line("# transform = transforms.Compose([");
        if (a.resizeCrop()) {
            py.line("#     transforms.Resize(34),");
            py.line("#     transforms.CenterCrop(28),");
        }
        if (a.horizontalFlip()) {
            py.line("#     transforms.RandomHorizontalFlip(),");
        }
        if (a.rotate90()) {
            py.line("#     transforms.Lambda(lambda x: x.rotate(90)),");
        }
        if (warp) {
            py.line("#     transforms.RandomAffine(degrees=" + num(a.rotationDegrees()) + ", translate=(" + a.shiftPixels()
                    + " / 28, " + a.shiftPixels() + " / 28), scale=(" + num(1 - a.zoom()) + ", " + num(1 + a.zoom()) + ")),");
        }
        py.line("#     transforms.ToTensor(),");
        if (a.noiseStd() > 0) {
            py.line("#     transforms.Lambda(lambda x: (x + torch.randn_like(x) * " + num(a.noiseStd()) + ").clamp(0, 1)),");
        }
        if (a.erasingProbability() > 0) {
            py.line("#     transforms.RandomErasing(p=" + num(a.erasingProbability()) + ", value=0),");
        }
        py.line("# ])");
        py.line("# Here the same steps work on a whole batch of tensors, so only PyTorch is needed.");
        if (a.erasingProbability() > 0) {
            py.line("def erase(image):");
            py.line("    \"\"\"RandomErasing: one rectangle of 2-33% of the area, aspect ratio 0.3-3.3, set to 0.\"\"\"");
            py.line("    side = image.size(-1)");
            py.line("    for _ in range(10):");
            py.line("        area = side * side * (0.02 + torch.rand(1).item() * 0.31)");
            py.line("        ratio = math.exp(math.log(0.3) + torch.rand(1).item() * (math.log(3.3) - math.log(0.3)))");
            py.line("        h, w = int(round(math.sqrt(area * ratio))), int(round(math.sqrt(area / ratio)))");
            py.line("        if h < side and w < side:");
            py.line("            top = torch.randint(0, side - h + 1, (1,)).item()");
            py.line("            left = torch.randint(0, side - w + 1, (1,)).item()");
            py.line("            image[:, top:top + h, left:left + w] = 0");
            py.line("            return image");
            py.line("    return image");
            py.line();
            py.line();
        }
        py.line("def augment(x):");
        py.line("    n = x.size(0)");
        if (a.resizeCrop()) {
            py.line("    x = F.interpolate(x, size=(34, 34), mode=\"bilinear\", align_corners=False)[:, :, 3:31, 3:31]    # Resize(34), CenterCrop(28)");
        }
        if (a.horizontalFlip()) {
            py.line("    flip = torch.rand(n) < 0.5    # RandomHorizontalFlip");
            py.line("    x = torch.where(flip.view(n, 1, 1, 1), x.flip(3), x)");
        }
        if (a.rotate90()) {
            py.line("    x = torch.rot90(x, 1, dims=(2, 3))    # counter-clockwise, as PIL's rotate(90)");
        }
        if (warp) {
            py.line("    # RandomAffine: one random rotation, shift and zoom per image, sampled bilinearly, zeros outside");
            py.line("    angle = (torch.rand(n) * 2 - 1) * math.radians(" + num(a.rotationDegrees()) + ")");
            py.line("    scale = 1 + (torch.rand(n) * 2 - 1) * " + num(a.zoom()));
            py.line("    shift = torch.randint(-" + a.shiftPixels() + ", " + (a.shiftPixels() + 1)
                    + ", (n, 2)).float() * 2 / x.size(-1)    # pixels to grid units");
            py.line("    cos, sin = torch.cos(angle) / scale, torch.sin(angle) / scale");
            py.line("    theta = torch.stack([torch.stack([cos, -sin, shift[:, 0]], 1),");
            py.line("                         torch.stack([sin, cos, shift[:, 1]], 1)], 1)");
            py.line("    grid = F.affine_grid(theta, list(x.shape), align_corners=False)");
            py.line("    x = F.grid_sample(x, grid, mode=\"bilinear\", padding_mode=\"zeros\", align_corners=False)");
        }
        if (a.noiseStd() > 0) {
            py.line("    x = (x + torch.randn_like(x) * " + num(a.noiseStd()) + ").clamp(0, 1)    # Gaussian noise");
        }
        if (a.erasingProbability() > 0) {
            py.line("    x = x.clone()");
            py.line("    for i in range(n):");
            py.line("        if torch.rand(1).item() < " + num(a.erasingProbability()) + ":    # RandomErasing");
            py.line("            x[i] = erase(x[i])");
        }
        py.line("    return x");
        py.line();
    }

    private static void optimizer(Lines py, OptimizerSettings o, RegularizationSettings r) {
        RegularizationKind decay = r.kind();
        boolean adamFamily = o.kind() == OptimizerKind.ADAM || o.kind() == OptimizerKind.ADAMW;
        py.line("# Section 6, the optimizer" + (decay.descriptor().on() ? "; section 1, weight decay" : ""));
        String params = "model.parameters()";
        if (decay.descriptor().on()) {
            py.line("weight_decay = " + num(r.strength()));
            py.line("# TrainLab decays the weights only, not the biases or batch-norm parameters");
            py.line("decay = [m.weight for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]");
            py.line("no_decay = [p for p in model.parameters() if all(p is not w for w in decay)]");
        }
        OptimizerDescriptor d = o.kind().descriptor();
        String args = OptimizerDescriptor.fill(d.torchArgs(), o, PyTorchExport::num);
        String extra = args.isEmpty() ? "" : ", " + args;
        String cls = d.torchClass();
        if (adamFamily) {
            // AdamW only when the decay is decoupled; ADAMW with L2 or L1 is Adam with that penalty
            cls = decay == RegularizationKind.DECOUPLED || (o.kind() == OptimizerKind.ADAMW && decay == RegularizationKind.NONE)
                    ? "torch.optim.AdamW" : "torch.optim.Adam";
        }
        boolean decoupledByHand = decay == RegularizationKind.DECOUPLED && !adamFamily;
        if (decay == RegularizationKind.L2) {
            params = "[{\"params\": decay, \"weight_decay\": weight_decay},\n     {\"params\": no_decay, \"weight_decay\": 0.0}]";
            py.line("# L2: weight_decay adds weight_decay * w to the weights' gradients, as the tutorial's SGD(weight_decay=...)");
        } else if (decay == RegularizationKind.DECOUPLED && adamFamily) {
            params = "[{\"params\": decay, \"weight_decay\": weight_decay},\n     {\"params\": no_decay, \"weight_decay\": 0.0}]";
            py.line("# decoupled weight decay: AdamW shrinks the weights by lr * weight_decay before each step");
        } else if (decoupledByHand) {
            py.line("# decoupled weight decay: the training loop shrinks the weights by lr * weight_decay before each step");
        } else if (decay == RegularizationKind.L1) {
            py.line("# L1: the training loop adds weight_decay * sum(|w|) to the loss, so each weight's gradient gains weight_decay * sign(w)");
        } else if (o.kind() == OptimizerKind.ADAMW) {
            extra += ", weight_decay=0.0";
            py.line("# AdamW takes its decay from the weight-decay settings, which are off here");
        }
        String call = cls + "(" + params + ", lr=learning_rate" + extra + ")";
        py.line("optimizer = " + call.replace("\n", "\n" + " ".repeat("optimizer = ".length() + cls.length())));
        py.line();
    }

    private static void scheduler(Lines py, SchedulerSettings s) {
        py.line("# Section 4, the learning-rate scheduler, stepped once at the end of every epoch");
        switch (s.kind()) {
            case NONE -> py.line("scheduler = None    # constant learning rate");
            case STEP -> py.line("scheduler = lr_scheduler.StepLR(optimizer, step_size=" + s.stepSize() + ", gamma="
                    + num(s.gamma()) + ")");
            case MULTI_STEP -> py.line("scheduler = lr_scheduler.MultiStepLR(optimizer, milestones="
                    + s.milestones().stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"))
                    + ", gamma=" + num(s.gamma()) + ")");
            case EXPONENTIAL -> py.line("scheduler = lr_scheduler.ExponentialLR(optimizer, gamma=" + num(s.gamma()) + ")");
            case REDUCE_ON_PLATEAU -> py.line("scheduler = lr_scheduler.ReduceLROnPlateau(optimizer, mode=\""
                    + s.plateauMode().name().toLowerCase() + "\", factor=" + num(s.factor()) + ", patience=" + s.patience()
                    + ", threshold=" + num(s.threshold()) + ", threshold_mode=\"" + s.thresholdMode().name().toLowerCase()
                    + "\", cooldown=" + s.cooldown() + ", min_lr=" + num(s.minLr()) + ")");
            case COSINE -> py.line("scheduler = lr_scheduler.CosineAnnealingLR(optimizer, T_max=" + s.tMax() + ", eta_min="
                    + num(s.etaMin()) + ")");
            case WARMUP -> py.line("scheduler = lr_scheduler.LinearLR(optimizer, start_factor=" + num(s.warmupStartFactor())
                    + ", total_iters=" + s.warmupEpochs() + ")");
        }
        py.line();
    }

    private static void training(Lines py, ExperimentSettings s) {
        RegularizationKind decay = s.regularization().kind();
        boolean adamFamily = s.optimizer().kind() == OptimizerKind.ADAM || s.optimizer().kind() == OptimizerKind.ADAMW;
        py.line();
        py.line("def batches(x, y, shuffle):");
        py.line("    order = torch.randperm(len(x)) if shuffle else torch.arange(len(x))");
        py.line("    for start in range(0, len(x), batch_size):");
        py.line("        index = order[start:start + batch_size]");
        if (s.model().batchNorm()) {
            py.line("        if shuffle and len(index) < 2:");
            py.line("            continue    # batch norm cannot train on a batch of one image");
        }
        py.line("        yield x[index], y[index]");
        py.line();
        py.line();
        py.line("def evaluate():");
        py.line("    \"\"\"Held-out loss and accuracy. model.eval() turns dropout off and makes batch norm use its");
        py.line("    running statistics; torch.no_grad() skips the gradients.\"\"\"");
        py.line("    model.eval()");
        py.line("    total_loss, correct = 0.0, 0");
        py.line("    with torch.no_grad():");
        py.line("        for image, label in batches(test_x, test_y, shuffle=False):");
        py.line("            x = normalize(image).to(device)");
        py.line("            y_ = label.to(device)");
        py.line("            output = model.forward(x)");
        py.line("            total_loss += loss_func(output, y_).item() * len(label)");
        py.line("            correct += (output.argmax(1) == y_).sum().item()");
        py.line("    return total_loss / len(test_y), correct / len(test_y)");
        py.line();
        py.line();
        py.line("for i in range(num_epoch):");
        py.line("    model.train()");
        py.line("    lr = optimizer.param_groups[0][\"lr\"]");
        py.line("    loss_sum, correct, seen = 0.0, 0, 0");
        py.line("    for j, (image, label) in enumerate(batches(train_x, train_y, shuffle=True)):");
        py.line("        x = normalize(augment(image)).to(device)");
        py.line("        y_ = label.to(device)");
        py.line();
        py.line("        optimizer.zero_grad()");
        py.line("        output = model.forward(x)");
        py.line("        loss = loss_func(output, y_)");
        if (decay == RegularizationKind.L1) {
            py.line("        penalty = weight_decay * sum(w.abs().sum() for w in decay)    # L1");
            py.line("        (loss + penalty).backward()");
        } else {
            py.line("        loss.backward()");
        }
        if (decay == RegularizationKind.DECOUPLED && !adamFamily) {
            py.line("        with torch.no_grad():    # decoupled weight decay, as AdamW applies it");
            py.line("            for w in decay:");
            py.line("                w.mul_(1 - lr * weight_decay)");
        }
        py.line("        optimizer.step()");
        py.line();
        py.line("        loss_sum += loss.item() * len(label)");
        py.line("        correct += (output.argmax(1) == y_).sum().item()");
        py.line("        seen += len(label)");
        py.line();
        py.line("    test_loss, test_acc = evaluate()");
        py.line("    print(f\"epoch {i + 1}/{num_epoch}  train loss {loss_sum / seen:.4f} acc {100 * correct / seen:.2f}%  \"");
        py.line("          f\"held-out loss {test_loss:.4f} acc {100 * test_acc:.2f}%  lr {lr:.3g}\", flush=True)");
        switch (s.scheduler().kind()) {
            case NONE -> { }
            case REDUCE_ON_PLATEAU -> py.line("    scheduler.step(test_loss)    # ReduceLROnPlateau watches the held-out loss");
            default -> py.line("    scheduler.step()    # at the end of the epoch (the tutorial's older PyTorch stepped first)");
        }
        py.line();
        py.line("print(f\"Accuracy of Test Data: {100 * test_acc:.2f}%\")");
    }

    /** A Python float literal as people write settings: 0.001, 0.5, 1e-4, 2.5e-5; whole numbers keep ".0". */
    static String num(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return (long) value + ".0";
        }
        BigDecimal exact = BigDecimal.valueOf(value).stripTrailingZeros();
        if (Math.abs(value) >= 1e-3) {
            return exact.toPlainString();
        }
        int exponent = exact.precision() - exact.scale() - 1;
        return exact.movePointLeft(exponent).stripTrailingZeros().toPlainString() + "e" + exponent;
    }

    /** A Python string literal in double quotes. */
    static String str(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ");
    }
}
