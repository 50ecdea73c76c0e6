package org.trainlab.engine.nn;

import java.lang.ref.Reference;
import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * im2col for a k x k convolution with stride 1 and "same" zero padding over NHWC images, laid out by
 * column: row r of the result ([in x k x k + 1, pixels]) holds, for every pixel, the input value that
 * weight r (in the weights' order [out, in, k, k]: in, then row, then column) multiplies there, 0 where the
 * neighbourhood reaches past the image; the last row is all ones, so that one matrix product with the output
 * gradient also gives the bias gradient. Each row is the image shifted: the copies, one per image line, are
 * planned once per shape.
 *
 * <p>One layer's, on its run's thread. The Java arrays are kept from step to step and from shape to shape
 * (the patches of a batch of 64 are 1.8 MB, which would otherwise be allocated outside the young generation
 * at every step); what is padding or one stays as it was written when the shape came.
 */
final class Patches {

    private long[] shape;
    private int kernel;
    private boolean plannedDoubles;
    /** Each copy of a line: where it goes in the patches, where it starts in the images, how long it is. */
    private int[] to, from, length;
    /** The images' step from one pixel of a line to the next: their channel count. */
    private int step;
    private float[] floatImages, floatCells;
    private double[] doubleImages, doubleCells;

    /**
     * Fills {@code patches} ([channels x k x k + 1, batch x height x width], an array of its own) from
     * {@code images} ([batch, height, width, channels]).
     */
    void fill(INDArray images, int kernel, INDArray patches) {
        boolean doubles = images.dataType() == DataType.DOUBLE;
        if (patches.offset() != 0 || patches.ordering() != 'c' || patches.dataType() != images.dataType()) {
            throw new IllegalArgumentException("patches go into an array of their own, c order, " + images.dataType());
        }
        int size = (int) patches.length();
        if (to == null || this.kernel != kernel || doubles != plannedDoubles || !Arrays.equals(shape, images.shape())) {
            plan(images.shape(), kernel);
            plannedDoubles = doubles;
            prepare(doubles, (int) images.length(), size, (int) (images.length() / step));
        }
        // read from the start of the array's own memory: a view into a larger array is copied first
        INDArray in = images.ordering() == 'c' && images.elementWiseStride() == 1 && images.offset() == 0 ? images
                : images.dup('c');
        if (doubles) {
            in.data().asNioDouble().get(0, doubleImages, 0, (int) in.length());
            for (int r = 0; r < to.length; r++) {
                for (int x = 0, out = to[r], src = from[r]; x < length[r]; x++) {
                    doubleCells[out + x] = doubleImages[src + x * step];
                }
            }
            patches.data().asNioDouble().put(0, doubleCells, 0, size);
        } else {
            in.data().asNioFloat().get(0, floatImages, 0, (int) in.length());
            for (int r = 0; r < to.length; r++) {
                for (int x = 0, out = to[r], src = from[r]; x < length[r]; x++) {
                    floatCells[out + x] = floatImages[src + x * step];
                }
            }
            patches.data().asNioFloat().put(0, floatCells, 0, size);
        }
        Reference.reachabilityFence(in);
    }

    /**
     * The Java arrays for a new shape: kept when they are large enough (the last, smaller batch of an epoch and
     * the next full one take turns), all padding, then the last row's ones.
     */
    private void prepare(boolean doubles, int images, int size, int pixels) {
        if (doubles) {
            doubleImages = doubleImages != null && doubleImages.length >= images ? doubleImages : new double[images];
            doubleCells = doubleCells != null && doubleCells.length >= size ? doubleCells : new double[size];
            Arrays.fill(doubleCells, 0, size - pixels, 0);
            Arrays.fill(doubleCells, size - pixels, size, 1);
        } else {
            floatImages = floatImages != null && floatImages.length >= images ? floatImages : new float[images];
            floatCells = floatCells != null && floatCells.length >= size ? floatCells : new float[size];
            Arrays.fill(floatCells, 0, size - pixels, 0);
            Arrays.fill(floatCells, size - pixels, size, 1);
        }
    }

    /** One copy per patch row, image and line that the shifted kernel position reaches. */
    private void plan(long[] imageShape, int k) {
        int batch = (int) imageShape[0], height = (int) imageShape[1], width = (int) imageShape[2];
        int channels = (int) imageShape[3];
        int pixels = batch * height * width;
        int pad = k / 2;
        int[] t = new int[channels * k * k * batch * height], f = new int[t.length], n = new int[t.length];
        int copies = 0;
        int row = 0;
        for (int c = 0; c < channels; c++) {
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++, row++) {
                    int first = Math.max(0, pad - kx), end = Math.min(width, width + pad - kx);
                    for (int b = 0; b < batch; b++) {
                        for (int y = Math.max(0, pad - ky); y < Math.min(height, height + pad - ky); y++) {
                            t[copies] = row * pixels + (b * height + y) * width + first;
                            f[copies] = ((b * height + y + ky - pad) * width + first + kx - pad) * channels + c;
                            n[copies++] = end - first;
                        }
                    }
                }
            }
        }
        shape = imageShape.clone();
        kernel = k;
        step = channels;
        to = Arrays.copyOf(t, copies);
        from = Arrays.copyOf(f, copies);
        length = Arrays.copyOf(n, copies);
    }
}
