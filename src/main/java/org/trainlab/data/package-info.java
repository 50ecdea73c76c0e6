/**
 * Digits in, float batches out: IDX parsing, the bundled and downloadable datasets, the user's
 * cache folders, §5 normalization statistics and §2 augmentation.
 *
 * <p>Plain JDK only (no UI toolkit, no DL4J/ND4J), so the engine, the command line and the UI can
 * all use it and its tests run headless. Images stay unsigned bytes until a batch is built; the
 * {@link org.trainlab.data.Augmenter} is for training batches only, never the held-out split.
 */
package org.trainlab.data;
