package org.trainlab.ui.inside;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import org.trainlab.data.Dataset;
import org.trainlab.experiment.inside.ClassProbability;
import org.trainlab.experiment.inside.ConfusionMatrix;
import org.trainlab.experiment.inside.FeatureMap;
import org.trainlab.experiment.inside.FilterBank;
import org.trainlab.experiment.inside.Histogram;
import org.trainlab.experiment.inside.InsideEpoch;
import org.trainlab.experiment.inside.LayerProbe;
import org.trainlab.experiment.inside.Mistake;
import org.trainlab.experiment.inside.TrainedNetwork;
import org.trainlab.experiment.inside.TrainedWeights;
import org.trainlab.experiment.settings.DataSettings;

/** Small hand-made inside figures and a stand-in for the engine, for the Inside view's tests. */
final class InsideSamples {

    private InsideSamples() {
    }

    /** A confusion matrix with {@code right} on each diagonal cell and the given (true, predicted, count) confusions. */
    static ConfusionMatrix matrix(int right, int... confusions) {
        int[][] m = new int[10][10];
        for (int i = 0; i < 10; i++) {
            m[i][i] = right;
        }
        for (int i = 0; i < confusions.length; i += 3) {
            m[confusions[i]][confusions[i + 1]] = confusions[i + 2];
        }
        return new ConfusionMatrix(m);
    }

    static Mistake mistake(int index, int trueClass, int predicted, double confidence) {
        double rest = (1 - confidence) * 0.7;
        return new Mistake(index, trueClass, predicted, confidence, List.of(
                new ClassProbability(predicted, confidence), new ClassProbability(trueClass, rest),
                new ClassProbability((trueClass + 1) % 10 == predicted ? (trueClass + 2) % 10 : (trueClass + 1) % 10,
                        (1 - confidence) * 0.2)));
    }

    static LayerProbe layer(String name, double std) {
        double[] edges = new double[42];
        long[] counts = new long[41];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = -0.2 + i * 0.4 / 41;
        }
        counts[20] = 90;
        counts[19] = 5;
        counts[21] = 5;
        return new LayerProbe(name, 100, new Histogram(edges, counts, 0), std / 2, std, 0.4, 0.05, -3.1);
    }

    static InsideEpoch epoch(int epoch, ConfusionMatrix confusion, List<Mistake> mistakes) {
        List<LayerProbe> layers = new ArrayList<>();
        String[] names = {"conv1", "conv2", "conv3", "fc1", "fc2", "fc3"};
        for (int i = 0; i < names.length; i++) {
            layers.add(layer(names[i], Math.pow(0.5, i)));
        }
        float[] filters = new float[16 * 9];
        for (int i = 0; i < filters.length; i++) {
            filters[i] = (float) Math.sin(i);
        }
        return new InsideEpoch(epoch, confusion, mistakes, 64, layers, new FilterBank(16, 3, 3, filters));
    }

    /** The engine stood in for: the same thread, networks that answer with fixed probabilities, blank digits. */
    static final class FakeAccess implements InsideAccess {
        final List<float[]> asked = new ArrayList<>();
        int opened;
        int closed;

        @Override
        public Executor background() {
            return Runnable::run;
        }

        @Override
        public TrainedNetwork open(TrainedWeights weights) {
            opened++;
            return new TrainedNetwork() {
                @Override
                public TrainedWeights weights() {
                    return weights;
                }

                @Override
                public double[] classify(float[] pixels) {
                    asked.add(pixels);
                    double[] p = new double[10];
                    p[weights.epoch() % 10] = 0.91;
                    for (int i = 0; i < 10; i++) {
                        p[i] += 0.01;
                    }
                    return p;
                }

                @Override
                public double[][] classifyAll(List<float[]> images) {
                    return images.stream().map(this::classify).toArray(double[][]::new);
                }

                @Override
                public List<FeatureMap> featureMaps(float[] pixels) {
                    return List.of(new FeatureMap("conv1", 2, 28, 28, new float[2 * 28 * 28]));
                }

                @Override
                public void close() {
                    closed++;
                }
            };
        }

        @Override
        public Dataset heldOut(DataSettings data) throws IOException {
            byte[] pixels = new byte[100 * 28 * 28];
            byte[] labels = new byte[100];
            for (int i = 0; i < 100; i++) {
                labels[i] = (byte) (i % 10);
                pixels[i * 784 + 14 * 28 + 14] = (byte) 255;
            }
            return new Dataset("tiny", 28, 28, pixels, labels, 10);
        }
    }
}
