package org.trainlab.experiment.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.trainlab.experiment.inside.TrainedWeights;
import org.trainlab.experiment.settings.ModelKind;
import org.trainlab.experiment.settings.ModelSettings;

/**
 * {@link TrainedWeights} as a compact binary file (big-endian): the magic "TLWEIGHT", format 1, the
 * model (kind name, batch norm, dropout), epoch, normalization mean and std, the parameter count and
 * the parameters as 32-bit floats, the state count and the state as doubles, then a CRC-32 of all
 * that. Written atomically ({@link AtomicFiles}); a damaged or foreign file is refused with an
 * {@link IOException} saying so.
 */
public final class WeightsFile {

    /** The extension of weight files, with its dot. */
    public static final String EXTENSION = ".weights";

    private static final long MAGIC = 0x544C574549474854L; // "TLWEIGHT"
    private static final int FORMAT = 1;
    /** Far above any network TrainLab builds (the CNN has about 430,000). */
    private static final int MAX_PARAMETERS = 50_000_000;

    private WeightsFile() {
    }

    /**
     * The file's bytes, made in one array of their exact size (the parameters, 1.7 MB for the tutorial's
     * CNN, are written at every epoch's end of every run, so no stream's buffer and copies of it).
     */
    public static byte[] encode(TrainedWeights weights) {
        ByteArrayOutputStream header = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(header)) {
            out.writeLong(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(weights.model().kind().name());
            out.writeBoolean(weights.model().batchNorm());
            out.writeDouble(weights.model().dropoutRate());
            out.writeInt(weights.epoch());
            out.writeDouble(weights.normalizationMean());
            out.writeDouble(weights.normalizationStd());
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        byte[] head = header.toByteArray();
        int n = weights.parameterCount();
        double[] state = weights.state();
        byte[] bytes = new byte[head.length + 4 + 4 * n + 4 + 8 * state.length + 8];
        ByteBuffer buffer = ByteBuffer.wrap(bytes); // big-endian, as DataOutputStream writes
        buffer.put(head).putInt(n);
        weights.copyParameters(buffer.asFloatBuffer());
        buffer.position(buffer.position() + 4 * n);
        buffer.putInt(state.length);
        buffer.asDoubleBuffer().put(state);
        buffer.position(buffer.position() + 8 * state.length);
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        buffer.putLong(crc.getValue());
        return bytes;
    }

    /** @throws IOException naming what is wrong when the bytes are not a weights file of this format */
    public static TrainedWeights decode(byte[] data) throws IOException {
        if (data.length < 16) {
            throw new IOException("not a TrainLab weights file: only " + data.length + " bytes");
        }
        CRC32 crc = new CRC32();
        crc.update(data, 0, data.length - 8);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readLong() != MAGIC) {
                throw new IOException("not a TrainLab weights file (wrong magic number)");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IOException("weights file format " + format + " cannot be read (this TrainLab reads " + FORMAT + ")");
            }
            ModelKind kind;
            try {
                kind = ModelKind.valueOf(in.readUTF());
            } catch (IllegalArgumentException e) {
                throw new IOException("weights file names an unknown model kind", e);
            }
            ModelSettings model = new ModelSettings(kind, in.readBoolean(), in.readDouble());
            int epoch = in.readInt();
            double mean = in.readDouble();
            double std = in.readDouble();
            int n = in.readInt();
            if (n < 0 || n > MAX_PARAMETERS || n > data.length / 4) {
                throw new IOException("weights file is damaged: it claims " + n + " parameters");
            }
            float[] p = new float[n];
            for (int i = 0; i < n; i++) {
                p[i] = in.readFloat();
            }
            int m = in.readInt();
            if (m < 0 || m > data.length / 8) {
                throw new IOException("weights file is damaged: it claims " + m + " state values");
            }
            double[] s = new double[m];
            for (int i = 0; i < m; i++) {
                s[i] = in.readDouble();
            }
            long stored = in.readLong();
            if (stored != crc.getValue() || in.available() != 0) {
                throw new IOException("weights file is damaged (checksum mismatch)");
            }
            return TrainedWeights.owning(model, epoch, mean, std, p, s);
        } catch (EOFException e) {
            throw new IOException("weights file is damaged: it ends early", e);
        }
    }

    /** Writes atomically, readable by the owner only (like sessions). */
    public static void write(Path file, TrainedWeights weights) throws IOException {
        AtomicFiles.write(file, encode(weights), true);
    }

    public static TrainedWeights read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > 8L * MAX_PARAMETERS) {
            throw new IOException(file.getFileName() + " is not a TrainLab weights file: " + size + " bytes");
        }
        try {
            return decode(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IOException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
