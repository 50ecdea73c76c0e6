package org.trainlab.engine.nn;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.trainlab.engine.NativeRuntime;
import org.trainlab.experiment.settings.InitKind;
import org.trainlab.experiment.settings.ModelKind;
import org.trainlab.experiment.settings.ModelSettings;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DL4J's own layers as the reference: the same architecture built from DL4J's configuration
 * classes, given TrainLab's parameters, must produce the same inference-mode probabilities and the
 * same training-mode loss and gradients (batch statistics in batch norm).
 */
class Dl4jEquivalenceTest {

    @BeforeAll
    static void load() {
        NativeRuntime.ensureLoaded();
    }

    @ParameterizedTest(name = "{0} batchNorm={1}")
    @CsvSource({"CNN,true", "CNN,false", "MLP,true"})
    void sameOutputsLossAndGradientsAsDl4j(ModelKind kind, boolean batchNorm) {
        try (Network ours = Architectures.build(new ModelSettings(kind, batchNorm, 0), DataType.DOUBLE)) {
            ours.initialize(new WeightInit(InitKind.XAVIER_UNIFORM, 0), 3);
            int batch = 5;
            INDArray x = Nd4j.rand(DataType.DOUBLE, batch, 28, 28, 1);
            int[] labels = {3, 1, 4, 1, 5};
            // one training step moves the batch-norm running statistics away from 0 / 1
            Network.BatchResult step = ours.trainStep(x, labels, new Layer.StepKey(1, 1));
            MultiLayerNetwork dl4j = dl4jTwin(kind, batchNorm);
            List<String> mapping = copyParameters(ours, dl4j);

            INDArray theirProbs = dl4j.output(x, false);
            float[] ourProbs = predict(ours, x);
            for (int i = 0; i < batch * 10; i++) {
                assertEquals(theirProbs.getDouble(i / 10, i % 10), ourProbs[i], 1e-5, "probability " + i);
            }

            INDArray oneHot = Nd4j.zeros(DataType.DOUBLE, batch, 10);
            for (int i = 0; i < batch; i++) {
                oneHot.putScalar(i, labels[i], 1.0);
            }
            dl4j.setInput(x);
            dl4j.setLabels(oneHot);
            dl4j.computeGradientAndScore();
            assertEquals(dl4j.score(), step.loss(), 1e-9, "training-mode loss");
            Gradient gradient = dl4j.gradient();
            double[] ourGrads = ours.grads().toDoubleVector();
            int checked = 0;
            for (String entry : mapping) {
                String[] parts = entry.split("=");
                String key = parts[0];
                long from = Long.parseLong(parts[1]), to = Long.parseLong(parts[2]);
                INDArray theirs = gradient.getGradientFor(key);
                assertTrue(theirs != null, "DL4J has no gradient for " + key);
                // DL4J's gradient is summed over the batch (its updater divides later); ours is the mean's
                double[] t = Nd4j.toFlattened('c', theirs).div(batch).toDoubleVector();
                assertEquals(to - from, t.length, key);
                for (int i = 0; i < t.length; i++) {
                    double o = ourGrads[(int) (from + i)];
                    assertEquals(t[i], o, 1e-7 + 1e-5 * Math.abs(t[i]), key + "[" + i + "]");
                }
                checked++;
            }
            assertTrue(checked >= 6, "compared " + checked + " parameter arrays");
        }
    }

    private static MultiLayerNetwork dl4jTwin(ModelKind kind, boolean batchNorm) {
        var b = new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE).seed(1).list();
        CNN2DFormat nhwc = CNN2DFormat.NHWC;
        if (kind == ModelKind.CNN) {
            for (int channels : new int[] {16, 32, 64}) {
                b.layer(new ConvolutionLayer.Builder(3, 3).nOut(channels).padding(1, 1).dataFormat(nhwc)
                        .convolutionMode(ConvolutionMode.Truncate).activation(Activation.IDENTITY).build());
                if (batchNorm) {
                    b.layer(new BatchNormalization.Builder().dataFormat(nhwc).useLogStd(false).eps(1e-5).build());
                }
                b.layer(new ActivationLayer(Activation.RELU));
                if (channels >= 32) {
                    b.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                            .dataFormat(nhwc).build());
                }
            }
        }
        for (int features : new int[] {128, 64}) {
            b.layer(new DenseLayer.Builder().nOut(features).activation(Activation.IDENTITY).build());
            if (batchNorm) {
                b.layer(new BatchNormalization.Builder().useLogStd(false).eps(1e-5).build());
            }
            b.layer(new ActivationLayer(Activation.RELU));
        }
        b.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build());
        b.setInputType(InputType.convolutional(28, 28, 1, nhwc));
        MultiLayerNetwork net = new MultiLayerNetwork(b.build());
        net.init();
        return net;
    }

    /** Copies every parameter across; returns "dl4jKey=from=to" ranges in our flat vector. */
    private static List<String> copyParameters(Network ours, MultiLayerNetwork dl4j) {
        List<String> mapping = new ArrayList<>();
        INDArray params = ours.params();
        long weightAt = 0, otherAt = ours.weightCount();
        int dl4jIndex = 0;
        for (Layer layer : ours.layers()) {
            if (layer instanceof Relu || layer instanceof MaxPool2d || layer instanceof Dropout) {
                dl4jIndex += layer instanceof Dropout ? 0 : 1;
                continue;
            }
            var target = dl4j.getLayer(dl4jIndex);
            long w = layer.weightCount(), o = layer.otherParamCount();
            if (layer instanceof Conv2d || layer instanceof Dense) {
                INDArray weight = params.get(NDArrayIndex.interval(weightAt, weightAt + w));
                target.setParam("W", weight.reshape('c', target.getParam("W").shape()).dup());
                target.setParam("b", params.get(NDArrayIndex.interval(otherAt, otherAt + o)).reshape(target.getParam("b").shape()).dup());
                mapping.add(dl4jIndex + "_W=" + weightAt + "=" + (weightAt + w));
                mapping.add(dl4jIndex + "_b=" + otherAt + "=" + (otherAt + o));
            } else if (layer instanceof BatchNorm) {
                long c = o / 2;
                target.setParam("gamma", params.get(NDArrayIndex.interval(otherAt, otherAt + c)).reshape(target.getParam("gamma").shape()).dup());
                target.setParam("beta", params.get(NDArrayIndex.interval(otherAt + c, otherAt + o)).reshape(target.getParam("beta").shape()).dup());
                INDArray state = layer.state();
                target.setParam("mean", state.get(NDArrayIndex.interval(0, c)).reshape(target.getParam("mean").shape()).dup());
                target.setParam("var", state.get(NDArrayIndex.interval(c, 2 * c)).reshape(target.getParam("var").shape()).dup());
                mapping.add(dl4jIndex + "_gamma=" + otherAt + "=" + (otherAt + c));
                mapping.add(dl4jIndex + "_beta=" + (otherAt + c) + "=" + (otherAt + o));
            }
            weightAt += w;
            otherAt += o;
            dl4jIndex++;
        }
        return mapping;
    }

    /** Class probabilities in inference mode, [batch, classes]: the layers' forward pass, then a softmax per row. */
    private static float[] predict(Network net, INDArray x) {
        INDArray a = x;
        for (Layer layer : net.layers()) {
            a = layer.forward(a, false, null);
        }
        float[] z = a.data().asFloat();
        int classes = net.classes();
        for (int row = 0; row < x.size(0); row++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, z[row * classes + c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(z[row * classes + c] - max);
            }
            for (int c = 0; c < classes; c++) {
                z[row * classes + c] = (float) (Math.exp(z[row * classes + c] - max) / sum);
            }
        }
        return z;
    }
}
