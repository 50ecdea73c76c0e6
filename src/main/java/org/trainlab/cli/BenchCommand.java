package org.trainlab.cli;

import org.trainlab.engine.Benchmarks;
import org.trainlab.engine.NativeGate;
import org.trainlab.engine.NativeRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bench}: images per second of the tutorial's CNN, measured the way the PyTorch anchor
 * (shared/bench/seed_cnn_torch.py) measures it, so the two can be compared line by line.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Print training and inference images/s of the tutorial CNN, the matrix-product ceiling and the augmentation cost.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--cases", split = ",", defaultValue = "nobn:64,bn:64,nobn:256,bn:256",
            description = "Cases as bn|nobn:BATCH, comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> cases;

    @Option(names = "--no-ceiling", description = "Skip the matrix-product ceiling.")
    boolean noCeiling;

    @Option(names = "--no-augmentation", description = "Skip the augmentation cost.")
    boolean noAugmentation;

    @Option(names = "--layers", paramLabel = "STEPS", arity = "0..1", fallbackValue = "200", defaultValue = "0",
            description = {"Also print each case's time per layer, forward and backward: medians of STEPS training steps (200 without a number),",
                    "beside each pass's floor: its arithmetic at the matrix-product ceiling or its memory traffic at the measured copy rate, whichever is longer."})
    int layerSteps;

    @Override
    public Integer call() {
        // every case uses native code: a terminated bench exits between cases, never inside one
        try (NativeGate.Pass pass = NativeGate.process().enter()) {
            return bench(pass);
        }
    }

    private int bench(NativeGate.Pass pass) {
        NativeRuntime.Info info = NativeRuntime.ensureLoaded();
        System.out.println("native: " + info.summary() + ", loaded in " + info.loadMillis() + " ms");
        Benchmarks.Gemm gemm = noCeiling && layerSteps == 0 ? null : Benchmarks.matmul(1024);
        for (String c : cases) {
            String[] parts = c.split(":");
            boolean bn = parts[0].equalsIgnoreCase("bn");
            int batch = Integer.parseInt(parts[1]);
            pass.checkpoint();
            Benchmarks.Speed s = Benchmarks.cnnSpeed(bn, batch);
            System.out.printf(Locale.ROOT, "trainlab bn=%s batch=%d threads=%d: train %.0f img/s, infer %.0f img/s%n",
                    bn ? "True" : "False", batch, info.threads(), s.trainImagesPerSecond(), s.inferImagesPerSecond());
            if (layerSteps > 0) {
                pass.checkpoint();
                printLayers(Benchmarks.layerProfile(bn, batch, layerSteps), batch, gemm);
            }
        }
        if (!noCeiling) {
            System.out.printf(Locale.ROOT, "ceiling: 1024x1024 matrix product %.1f GFLOP/s best, %.1f median; the CNN needs %.1f MFLOP per training image, so at most %.0f img/s (median: %.0f)%n",
                    gemm.bestGflops(), gemm.medianGflops(), Benchmarks.CNN_TRAIN_FLOPS / 1e6,
                    gemm.bestGflops() * 1e9 / Benchmarks.CNN_TRAIN_FLOPS, gemm.medianGflops() * 1e9 / Benchmarks.CNN_TRAIN_FLOPS);
        }
        if (!noAugmentation) {
            for (int batch : new int[] {64, 256}) {
                Benchmarks.AugmentationCost a = Benchmarks.augmentationCost(batch);
                System.out.printf(Locale.ROOT, "augmentation batch=%d: %.2f ms per batch with every option on (%.1f us per image)%n",
                        batch, a.millisPerBatch(), 1000 * a.millisPerBatch() / batch);
            }
            double[] epoch = Benchmarks.augmentationEpochCost(3);
            System.out.printf(Locale.ROOT, "augmentation epoch: %.2f s without, %.2f s with every option on (+%.1f%%), CNN with BN, 2000 digits, median of 3%n",
                    epoch[0], epoch[1], 100 * (epoch[1] / epoch[0] - 1));
        }
        return 0;
    }

    /**
     * Each layer's passes beside their floors (docs/performance.md, "How far from the hardware"), then the
     * step's, the floors' sum and what is over them, by kind of layer.
     */
    private void printLayers(Benchmarks.LayerProfile profile, int batch, Benchmarks.Gemm gemm) {
        // the memory ceiling for arrays the size of the largest activation, 28 x 28 x 32 values an image
        Benchmarks.Bandwidth copy = Benchmarks.copyBandwidth((long) batch * 28 * 28 * 32);
        double flopsPerSecond = gemm.medianGflops() * 1e9, bytesPerSecond = copy.medianGigabytes() * 1e9;
        double floors = 0, layers = 0;
        Map<String, double[]> byKind = new LinkedHashMap<>();
        for (Benchmarks.LayerTime layer : profile.layers()) {
            double f = Benchmarks.LayerTime.floorMillis(layer.forwardFlops(), layer.forwardBytes(), flopsPerSecond, bytesPerSecond);
            double b = Benchmarks.LayerTime.floorMillis(layer.backwardFlops(), layer.backwardBytes(), flopsPerSecond, bytesPerSecond);
            System.out.printf(Locale.ROOT, "  layer %-44s forward %6.2f ms (floor %5.2f)  backward %6.2f ms (floor %5.2f)%n",
                    layer.layer(), layer.forwardMillis(), f, layer.backwardMillis(), b);
            floors += f + b;
            layers += layer.forwardMillis() + layer.backwardMillis();
            double[] kind = byKind.computeIfAbsent(layer.kind(), k -> new double[2]);
            kind[0] += layer.forwardMillis() + layer.backwardMillis();
            kind[1] += f + b;
        }
        System.out.printf(Locale.ROOT, "  step %.2f ms (median of %d), %.0f img/s; layers %.2f ms, loss and optimizer %.2f ms%n",
                profile.stepMillis(), layerSteps, batch / (profile.stepMillis() / 1e3), layers, profile.stepMillis() - layers);
        System.out.printf(Locale.ROOT, "  floors: %.1f GFLOP/s (matrix product, median), %.1f GB/s (copy of %.1f MB, median): layers %.2f ms, %.0f img/s if the rest stayed%n",
                gemm.medianGflops(), copy.medianGigabytes(), batch * 28 * 28 * 32 * 4 / 1e6, floors,
                batch / ((floors + profile.stepMillis() - layers) / 1e3));
        StringBuilder over = new StringBuilder("  over the floors:");
        byKind.forEach((kind, t) -> over.append(String.format(Locale.ROOT, " %s %.2f ms (%.0f%% of floor),", kind, t[0] - t[1], 100 * t[1] / t[0])));
        System.out.println(over.substring(0, over.length() - 1));
    }
}
