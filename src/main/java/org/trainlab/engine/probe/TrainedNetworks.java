package org.trainlab.engine.probe;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.trainlab.data.NormalizationStats;
import org.trainlab.engine.nn.Architectures;
import org.trainlab.engine.nn.Network;
import org.trainlab.experiment.inside.FeatureMap;
import org.trainlab.experiment.inside.TrainedNetwork;
import org.trainlab.experiment.inside.TrainedWeights;
import org.trainlab.experiment.settings.ModelSettings;

/** Takes a network's weights out as {@link TrainedWeights} and opens them again as a {@link TrainedNetwork}. */
public final class TrainedNetworks {

    private static final int SIDE = Architectures.IMAGE_SIDE;

    private TrainedNetworks() {
    }

    /** A copy of the network's weights and running state, as they are now (after {@code epoch}). */
    public static TrainedWeights snapshot(Network net, ModelSettings model, int epoch, NormalizationStats norm) {
        // both arrays are made here, for these weights alone
        return TrainedWeights.owning(model, epoch, norm.mean(), norm.std(), net.params().data().asFloat(), net.runningState());
    }

    /**
     * Rebuilds the network the weights came from. The native runtime must be loaded first, with
     * {@code org.trainlab.engine.NativeRuntime.ensureLoaded()} (this package cannot call it: the engine
     * depends on it, not the other way round), off the FX thread; the workbench loads it at start.
     *
     * @throws IllegalArgumentException if the weights do not fit the architecture they name
     */
    public static TrainedNetwork open(TrainedWeights weights) {
        Network net = Architectures.build(weights.model());
        try {
            net.restore(weights.parameters(), weights.state());
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
        return new Opened(net, weights);
    }

    private static final class Opened implements TrainedNetwork {
        private final Network net;
        private final TrainedWeights weights;
        private final NormalizationStats norm;
        private final WeightLayout layout;
        private boolean closed;

        Opened(Network net, TrainedWeights weights) {
            this.net = net;
            this.weights = weights;
            this.norm = new NormalizationStats(weights.normalizationMean(), weights.normalizationStd());
            this.layout = WeightLayout.of(net);
        }

        @Override
        public TrainedWeights weights() {
            return weights;
        }

        private INDArray input(float[] pixels) {
            return input(List.of(pixels));
        }

        /** The images, checked and normalized, as one [n, 28, 28, 1] batch. */
        private INDArray input(List<float[]> images) {
            if (closed) {
                throw new IllegalStateException("this trained network is closed");
            }
            int size = SIDE * SIDE;
            float[] x = new float[images.size() * size];
            for (int i = 0; i < images.size(); i++) {
                float[] pixels = images.get(i);
                if (pixels == null || pixels.length != size) {
                    throw new IllegalArgumentException("an image of " + SIDE + "x" + SIDE + " needs " + size
                            + " pixels, got " + (pixels == null ? "none" : pixels.length));
                }
                System.arraycopy(pixels, 0, x, i * size, size);
            }
            norm.apply(x, 0, x.length);
            return Nd4j.create(x, new long[] {images.size(), SIDE, SIDE, 1}, net.dataType()); // no cast operation (see Ops)
        }

        @Override
        public synchronized double[] classify(float[] pixels) {
            return classifyAll(List.of(pixels))[0];
        }

        @Override
        public synchronized double[][] classifyAll(List<float[]> images) {
            if (images.isEmpty()) {
                return new double[0][];
            }
            try (INDArray x = input(images)) {
                float[] p = net.predict(x);
                int classes = net.classes();
                double[][] out = new double[images.size()][classes];
                for (int i = 0; i < images.size(); i++) {
                    for (int c = 0; c < classes; c++) {
                        out[i][c] = p[i * classes + c];
                    }
                }
                return out;
            }
        }

        @Override
        public synchronized List<FeatureMap> featureMaps(float[] pixels) {
            try (INDArray x = input(pixels)) {
                List<INDArray> outputs = net.inferLayers(x);
                List<FeatureMap> maps = new ArrayList<>();
                for (WeightLayout.Entry e : layout.entries()) {
                    if (!e.conv()) {
                        continue;
                    }
                    int h = (int) e.outShape()[0], w = (int) e.outShape()[1], c = (int) e.outShape()[2];
                    float[] nhwc = outputs.get(e.activationLayer()).data().asFloat();
                    float[] chw = new float[c * h * w];
                    for (int r = 0; r < h; r++) {
                        for (int col = 0; col < w; col++) {
                            for (int ch = 0; ch < c; ch++) {
                                chw[(ch * h + r) * w + col] = nhwc[(r * w + col) * c + ch];
                            }
                        }
                    }
                    maps.add(new FeatureMap(e.name(), c, h, w, chw));
                }
                return maps;
            }
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                net.close();
            }
        }
    }
}
