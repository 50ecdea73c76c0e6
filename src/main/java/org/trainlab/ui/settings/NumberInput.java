package org.trainlab.ui.settings;

import java.util.List;
import java.util.regex.Pattern;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.trainlab.experiment.text.Numbers;

/**
 * The text of one numeric field and the last number it held. Text that is not a number is a problem
 * at the field only while the field matters; otherwise the last good value stands in, so a field
 * hidden by another choice never blocks a run.
 */
public final class NumberInput {

    public enum Type { INTEGER, LONG, DECIMAL }

    // plain decimal or scientific notation; Java's parser would also take "NaN", "1d" or hex
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final String field;
    private final Type type;
    private final StringProperty text;
    private double lastGood;
    private long lastGoodLong; // seeds use all 64 bits, more than a double holds exactly

    NumberInput(String field, Type type) {
        this.field = field;
        this.type = type;
        this.text = new SimpleStringProperty(this, field, "");
    }

    public String field() {
        return field;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** Shows {@code value} in its shortest form, e.g. 0.001 or 1e-8. */
    void show(double value) {
        lastGood = value;
        lastGoodLong = (long) value;
        text.set(type == Type.DECIMAL ? Numbers.format(value) : Long.toString((long) value));
    }

    /**
     * The number typed, or the last good one when the text is not a number; then a problem is added
     * if the field {@code matters}.
     */
    double read(boolean matters, List<FieldProblem> problems) {
        String typed = text.get() == null ? "" : text.get().strip();
        Double value = parse(typed);
        if (value != null) {
            lastGood = value;
            return value;
        }
        if (matters) {
            String key = type == Type.DECIMAL ? "problem.notANumber" : "problem.notAWholeNumber";
            problems.add(FieldProblem.of(field, typed.isEmpty() ? "problem.blank" : key, typed));
        }
        return lastGood;
    }

    /** As {@link #read}, exact for 64-bit values: for {@link Type#LONG} inputs. */
    long readLong(boolean matters, List<FieldProblem> problems) {
        String typed = text.get() == null ? "" : text.get().strip();
        try {
            lastGoodLong = Long.parseLong(typed.startsWith("+") ? typed.substring(1) : typed);
            return lastGoodLong;
        } catch (NumberFormatException e) {
            if (matters) {
                problems.add(FieldProblem.of(field, typed.isEmpty() ? "problem.blank" : "problem.notAWholeNumber", typed));
            }
            return lastGoodLong;
        }
    }

    void showLong(long value) {
        lastGoodLong = value;
        lastGood = value;
        text.set(Long.toString(value));
    }

    private Double parse(String typed) {
        if (!DECIMAL.matcher(typed).matches()) {
            return null;
        }
        double value = Double.parseDouble(typed);
        if (!Double.isFinite(value) || (type == Type.INTEGER && value != Math.rint(value))) {
            return null;
        }
        return value;
    }

    /** As an int for the settings; huge values clamp, so the validator reports them as out of range. */
    static int toInt(double value) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }
}
