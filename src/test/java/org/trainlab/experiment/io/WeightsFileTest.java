package org.trainlab.experiment.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.trainlab.experiment.inside.TrainedWeights;
import org.trainlab.experiment.settings.ModelKind;
import org.trainlab.experiment.settings.ModelSettings;

/** The weights file's bytes: the format the class comment describes, field by field, and back. */
class WeightsFileTest {

    /** The format written field by field with a DataOutputStream, as the class comment states it. */
    private static byte[] byTheFormat(TrainedWeights w) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeLong(0x544C574549474854L);
        out.writeInt(1);
        out.writeUTF(w.model().kind().name());
        out.writeBoolean(w.model().batchNorm());
        out.writeDouble(w.model().dropoutRate());
        out.writeInt(w.epoch());
        out.writeDouble(w.normalizationMean());
        out.writeDouble(w.normalizationStd());
        float[] p = w.parameters();
        out.writeInt(p.length);
        for (float v : p) {
            out.writeFloat(v);
        }
        double[] s = w.state();
        out.writeInt(s.length);
        for (double v : s) {
            out.writeDouble(v);
        }
        out.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        return bytes.toByteArray();
    }

    private static TrainedWeights weights(int parameters, int state, boolean batchNorm) {
        SplittableRandom random = new SplittableRandom(parameters * 31L + state);
        float[] p = new float[parameters];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) random.nextGaussian();
        }
        p[0] = Float.NaN;
        if (p.length > 2) {
            p[1] = Float.NEGATIVE_INFINITY;
            p[2] = -0f;
        }
        double[] s = random.doubles(state).toArray();
        return new TrainedWeights(new ModelSettings(ModelKind.CNN, batchNorm, 0.25), 17, 0.1307, 0.3081, p, s);
    }

    @Test
    void theBytesAreTheFormatFieldByField() throws IOException {
        for (TrainedWeights w : new TrainedWeights[] {weights(433_226, 0, false), weights(5, 196, true), weights(1, 0, false)}) {
            byte[] written = WeightsFile.encode(w);
            assertArrayEquals(byTheFormat(w), written);
            assertEquals(w, WeightsFile.decode(written));
        }
    }

    @Test
    void aDamagedByteIsRefused() {
        byte[] written = WeightsFile.encode(weights(1_000, 12, true));
        for (int at : new int[] {0, 20, written.length / 2, written.length - 9, written.length - 1}) {
            byte[] damaged = written.clone();
            damaged[at] ^= 0x10;
            assertThrows(IOException.class, () -> WeightsFile.decode(damaged), "byte " + at);
        }
    }
}
