package org.trainlab.ui.settings;

import org.trainlab.experiment.text.Messages;

/** Sentences for {@link FieldProblem}s in the window's language. */
public final class ProblemText {

    private ProblemText() {
    }

    /** What is wrong, for beside the field itself. */
    public static String describe(Messages messages, FieldProblem problem) {
        return messages.format(problem.key(), problem.args().toArray());
    }

    /** What is wrong and where, for lists away from the field (Start's reason). */
    public static String withField(Messages messages, FieldProblem problem) {
        return messages.format("problem.atField", messages.field(problem.field()), describe(messages, problem));
    }
}
