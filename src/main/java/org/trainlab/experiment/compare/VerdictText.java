package org.trainlab.experiment.compare;

import java.util.Locale;
import org.trainlab.experiment.text.Messages;

/**
 * Verdicts and predictions as one plain sentence, in English or Korean, from
 * the one message bundle ({@link Messages}, keys {@code verdict.*} and {@code prediction.*}). The window,
 * the CSV export and the command line all say the same words. Other languages get English.
 */
public final class VerdictText {

    private static final char MINUS = '\u2212';

    private VerdictText() {
    }

    /**
     * E.g. "Dropout 0.2 vs No regularization: held-out accuracy +1.4 points (95% CI +0.9 to +1.9), better
     * in 5 of 5 seeds; final held-out loss −0.120 (95% CI −0.150 to −0.090)."
     */
    public static String sentence(Verdict v, Locale locale) {
        Messages b = Messages.of(locale);
        if (v.kind() == Verdict.Kind.NO_VERDICT) {
            return v.seeds() >= 2 ? b.format("verdict.pending", v.nameB(), v.nameA(), v.accuracy().pairs(), v.seeds())
                    : b.format("verdict.none", v.nameB(), v.nameA());
        }
        PairedDifference acc = v.accuracy();
        StringBuilder s = new StringBuilder(b.format("verdict.accuracy", v.nameB(), v.nameA(), signed(acc.mean(), 1),
                signed(acc.low(), 1), signed(acc.high(), 1),
                b.get(acc.mean() >= 0 ? "verdict.better" : "verdict.worse"), v.seedsAgreeing(), acc.pairs()));
        if (v.kind() == Verdict.Kind.NOT_ESTABLISHED) {
            s.append(b.get("verdict.notEstablished"));
        }
        PairedDifference loss = v.loss();
        if (loss.pairs() >= 2) {
            s.append(b.format("verdict.loss", signed(loss.mean(), 3), signed(loss.low(), 3), signed(loss.high(), 3)));
        }
        return s.append(b.get("verdict.end")).toString();
    }

    /**
     * The verdict in a few characters for a one-line row, e.g. "+1.4 pts [+0.9, +1.9], 5/5 seeds" (with
     * "not established" when the interval spans zero); the {@link #sentence} says it whole.
     */
    public static String brief(Verdict v, Locale locale) {
        Messages b = Messages.of(locale);
        if (v.kind() == Verdict.Kind.NO_VERDICT) {
            return v.seeds() >= 2 ? b.format("verdict.brief.pending", v.accuracy().pairs(), v.seeds())
                    : b.get("verdict.brief.none");
        }
        PairedDifference acc = v.accuracy();
        String text = b.format("verdict.brief", signed(acc.mean(), 1), signed(acc.low(), 1), signed(acc.high(), 1),
                v.seedsAgreeing(), acc.pairs());
        return v.kind() == Verdict.Kind.NOT_ESTABLISHED ? text + b.get("verdict.brief.open") : text;
    }

    /** E.g. "Predicted (smallest gap): Dropout 0.2. Actual: Batch norm. The prediction was wrong." */
    public static String prediction(Criterion criterion, String predicted, String actual, Locale locale) {
        Messages b = Messages.of(locale);
        String measure = b.get("prediction.criterion." + criterion.name());
        if (actual == null) {
            return b.format("prediction.pending", measure, predicted);
        }
        return b.format("prediction.result", measure, predicted, actual,
                b.get(predicted.equals(actual) ? "prediction.right" : "prediction.wrong"));
    }

    /** " · seed 3", put after a group's name to name its third member. */
    public static String memberSuffix(int seed, Locale locale) {
        return Messages.of(locale).format("group.member", seed);
    }

    /** A word for the criterion, e.g. "smallest gap". */
    public static String criterion(Criterion criterion, Locale locale) {
        return Messages.of(locale).get("prediction.criterion." + criterion.name());
    }

    /** +1.4, −0.5 (a real minus sign), 0.0 for zero. */
    static String signed(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "?";
        }
        String text = String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(value));
        boolean zero = text.chars().allMatch(c -> c == '0' || c == '.');
        return zero ? text : (value > 0 ? "+" : String.valueOf(MINUS)) + text;
    }

}
