package org.trainlab.experiment.validation;

import org.trainlab.experiment.settings.SettingsException;

import java.util.List;
import java.util.stream.Collectors;

/** Settings that parse but break the allowed ranges; the message lists every problem, one per line. */
public final class InvalidSettingsException extends SettingsException {

    private final List<Problem> problems;

    public InvalidSettingsException(List<Problem> problems) {
        super(problems.stream().map(Problem::message).collect(Collectors.joining("\n")), null);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems to report");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
