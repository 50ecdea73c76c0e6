package org.trainlab.experiment.settings;

/**
 * §2 augmentation of training batches only (never the held-out split), reproducible from the run's
 * seed. Each of the tutorial's steps is its own option; the random warps are off at 0.
 *
 * @param resizeCrop         resize 28 to 34 (bilinear), then centre-crop 28 (the tutorial's first two steps)
 * @param horizontalFlip     flip left-right with probability 0.5
 * @param rotate90           rotate every image 90 degrees counter-clockwise (PIL's {@code rotate(90)})
 * @param rotationDegrees    random rotation, uniform in +-this many degrees (0 to 180)
 * @param shiftPixels        random shift, uniform in +-this many pixels on each axis (0 to 14)
 * @param zoom               random zoom, scale uniform in [1 - zoom, 1 + zoom] (0 to 0.5)
 * @param noiseStd           Gaussian noise with this standard deviation, on pixels in [0, 1] (0 to 1)
 * @param erasingProbability random erasing of one rectangle with this probability (0 to 1)
 */
public record AugmentationSettings(
        boolean resizeCrop,
        boolean horizontalFlip,
        boolean rotate90,
        double rotationDegrees,
        int shiftPixels,
        double zoom,
        double noiseStd,
        double erasingProbability) {
}
