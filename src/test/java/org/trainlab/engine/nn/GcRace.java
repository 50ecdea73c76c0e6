package org.trainlab.engine.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The crash of decision 10 on demand (not a test: in "plain" mode it is meant to kill its JVM).
 * {@code scripts/native-gc-race.sh} runs it: a dense layer's bias added to its output in a loop,
 * as ND4J's {@code addiRowVector} does it ("plain") or through {@link Ops} ("ops"), while another
 * thread collects garbage without pause. Prints how many additions ran, if the JVM survives.
 */
public final class GcRace {

    private GcRace() {
    }

    public static void main(String[] args) {
        boolean plain = args[0].equals("plain");
        long seconds = Long.parseLong(args[1]);
        INDArray out = Nd4j.zeros(DataType.FLOAT, 64, 128);
        INDArray bias = Nd4j.ones(DataType.FLOAT, 1, 128);
        Thread collector = new Thread(() -> {
            while (true) {
                System.gc();
                byte[] garbage = new byte[1 << 20];
                garbage[0] = 1;
            }
        }, "collector");
        collector.setDaemon(true);
        collector.start();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long n = 0;
        while (System.nanoTime() < end) {
            if (plain) {
                out.addiRowVector(bias);
            } else {
                Ops.run(new BroadcastAddOp(out, bias.reshape(128), out, 1));
            }
            n++;
        }
        System.out.println(args[0] + ": survived " + n + " bias additions in " + seconds + " s");
    }
}
