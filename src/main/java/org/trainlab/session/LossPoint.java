package org.trainlab.session;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One point of a run's training-loss curve, written as a two-element array {@code [iteration, loss]}
 * to keep session files small.
 *
 * @param iteration the last training step the point covers (1-based, as {@code BatchMetrics.iteration})
 * @param loss      the mean batch loss over the steps the point covers; NaN or infinite when the run diverged
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"iteration", "loss"})
public record LossPoint(long iteration, float loss) {
}
