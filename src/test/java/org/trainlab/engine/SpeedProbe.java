package org.trainlab.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.trainlab.engine.nn.*;
import org.trainlab.engine.optim.Optimizer;
import org.trainlab.experiment.*;

public class SpeedProbe {
    public static void main(String[] a) {
        System.out.println(NativeRuntime.ensureLoaded().summary());
        boolean bn = a[0].equals("bn");
        int batch = Integer.parseInt(a[1]);
        Network net = Architectures.build(new ModelSettings(ModelKind.CNN, bn, 0));
        net.initialize(new WeightInit(InitKind.HE_NORMAL, 0.1), 1);
        var opt = new Optimizer(new OptimizerSettings(OptimizerKind.ADAM, 1e-3, 0.9, 0.9, 0.999, 1e-8, 0.99),
                new RegularizationSettings(RegularizationKind.L2, 1e-4), net.paramCount(), net.weightCount());
        INDArray x = Nd4j.rand(new int[] {batch, 28, 28, 1});
        int[] y = new int[batch];
        for (int i = 0; i < batch; i++) y[i] = i % 10;
        Runnable step = () -> { net.trainStep(x, y, new Layer.StepKey(1, 1)); opt.step(net.params(), net.grads(), 1e-3); };
        for (int i = 0; i < 10; i++) step.run();
        int n = Math.max(20, 4000 / batch);
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) step.run();
        double tr = n * batch / ((System.nanoTime() - t) / 1e9);
        INDArray xe = Nd4j.rand(new int[] {1000, 28, 28, 1});
        int[] ye = new int[1000];
        net.evaluate(xe, ye);
        t = System.nanoTime();
        for (int i = 0; i < 5; i++) net.evaluate(xe, ye);
        double inf = 5000 / ((System.nanoTime() - t) / 1e9);
        System.out.printf("trainlab bn=%s batch=%d: train %.0f img/s, infer %.0f img/s%n", bn, batch, tr, inf);
    }
}
