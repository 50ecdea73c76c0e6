/**
 * The networks TrainLab trains, described once as a list of {@link org.trainlab.experiment.architecture.LayerSpec}s
 * ({@link org.trainlab.experiment.architecture.Architecture#of}): the engine builds its network from the list,
 * and both exporters write their code from it. Knows neither DL4J nor JavaFX.
 */
package org.trainlab.experiment.architecture;
