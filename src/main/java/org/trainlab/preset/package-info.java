/**
 * Lecture presets: JSON files that set up a whole comparison in one click (overfitting and its cures,
 * initializations, schedulers, optimizers, normalization). The shipped ones live in
 * {@code assets/presets/} (listed in its {@code index.json}); an instructor adds more by dropping a file
 * into {@code <data folder>/presets/}, without rebuilding. Toolkit-free.
 */
package org.trainlab.preset;
