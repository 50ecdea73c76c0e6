package org.trainlab.ui.settings;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.trainlab.experiment.validation.Problem;

/**
 * Turns the validator's English sentences into {@link FieldProblem}s that every language can say.
 * The validator words each kind of problem one way (field, value, allowed range), so a few patterns
 * cover them all; anything else is kept whole under {@code problem.raw}, never dropped.
 */
public final class ProblemParser {

    public static final String RAW = "problem.raw";

    private static final Pattern VALUE_RANGE = Pattern.compile(
            "(?<field>\\S+) = (?<value>.+?) is (?:out of range|not a number|not a finite number): must be "
                    + "(?<range>.+?)(?: \\(.*\\))?");
    private static final Pattern CLOSED = Pattern.compile("(\\S+) to (\\S+)");
    private static final Pattern ONE_SIDED = Pattern.compile("(at least|greater than) (\\S+)");
    private static final Pattern TWO_SIDED = Pattern.compile("(at least|greater than) (\\S+) and (at most|less than) (\\S+)");
    private static final Pattern BELOW_LEARNING_RATE = Pattern.compile("less than optimizer\\.learningRate = (\\S+)");
    private static final Pattern MISSING = Pattern.compile("(?<field>\\S+) is missing: .*");
    private static final Pattern EMPTY = Pattern.compile("(?<field>\\S+) is empty: .*");
    private static final Pattern LIST_BELOW_ONE = Pattern.compile(
            "(?<field>\\S+) = (?<value>\\[.*]) is out of range: every milestone must be at least 1");
    private static final Pattern NOT_INCREASING = Pattern.compile(
            "(?<field>\\S+) = (?<value>\\[.*]) is not strictly increasing: .*");
    private static final Pattern NAME_BLANK = Pattern.compile("name is blank: .*");
    private static final Pattern NAME_LONG = Pattern.compile("name is (\\d+) characters long: must be at most (\\d+)");

    private ProblemParser() {
    }

    public static List<FieldProblem> parse(List<Problem> problems) {
        return problems.stream().map(ProblemParser::parse).toList();
    }

    public static FieldProblem parse(Problem problem) {
        String field = problem.field();
        String message = problem.message();
        Matcher m;
        if ((m = VALUE_RANGE.matcher(message)).matches()) {
            FieldProblem range = range(field, m.group("value"), m.group("range"));
            if (range != null) {
                return range;
            }
        }
        if ((m = LIST_BELOW_ONE.matcher(message)).matches()) {
            return FieldProblem.of(field, "problem.milestones.belowOne", m.group("value"));
        }
        if ((m = NOT_INCREASING.matcher(message)).matches()) {
            return FieldProblem.of(field, "problem.milestones.notIncreasing", m.group("value"));
        }
        if (EMPTY.matcher(message).matches()) {
            return FieldProblem.of(field, "problem.empty");
        }
        if (MISSING.matcher(message).matches()) {
            return FieldProblem.of(field, "problem.missing");
        }
        if (NAME_BLANK.matcher(message).matches()) {
            return FieldProblem.of(field, "problem.name.blank");
        }
        if ((m = NAME_LONG.matcher(message)).matches()) {
            return FieldProblem.of(field, "problem.name.tooLong", m.group(1), m.group(2));
        }
        return FieldProblem.of(field, RAW, message);
    }

    private static FieldProblem range(String field, String value, String range) {
        Matcher m;
        if ((m = BELOW_LEARNING_RATE.matcher(range)).matches()) {
            return FieldProblem.of(field, "problem.range.belowLearningRate", value, m.group(1));
        }
        if ((m = TWO_SIDED.matcher(range)).matches()) {
            String key = "problem.range." + camel(m.group(1)) + capitalized(camel(m.group(3)));
            return FieldProblem.of(field, key, value, m.group(2), m.group(4));
        }
        if ((m = ONE_SIDED.matcher(range)).matches()) {
            return FieldProblem.of(field, "problem.range." + camel(m.group(1)), value, m.group(2));
        }
        if ((m = CLOSED.matcher(range)).matches()) {
            return FieldProblem.of(field, "problem.range.closed", value, m.group(1), m.group(2));
        }
        return null;
    }

    /** "at least" to "atLeast", "greater than" to "greaterThan". */
    private static String camel(String words) {
        int space = words.indexOf(' ');
        return words.substring(0, space) + capitalized(words.substring(space + 1));
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
