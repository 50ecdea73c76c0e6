package org.trainlab.experiment.validation;

/**
 * One thing wrong with a settings object.
 *
 * @param field   dotted path of the offending setting, e.g. {@code optimizer.learningRate}
 * @param message a sentence for people, naming the field, its value and what is allowed
 */
public record Problem(String field, String message) {

    @Override
    public String toString() {
        return message;
    }
}
