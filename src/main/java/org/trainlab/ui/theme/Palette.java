package org.trainlab.ui.theme;

import java.awt.Color;

/** The theme's colours for the charts, matching trainlab.css (which names the same hex values). */
public final class Palette {

    /** Held-out worse than train: the overfitting gap. */
    public static final Color GAP = new Color(0xEA, 0x58, 0x0C, 0x38);
    /** Held-out better than train (dropout, augmentation make training harder). */
    public static final Color REVERSE_GAP = new Color(0x25, 0x63, 0xEB, 0x1C);
    public static final Color LR = new Color(0x7C3AED);
    public static final Color PLANNED = new Color(0x9CA3AF);
    public static final Color TEXT = new Color(0x1F2937);
    public static final Color MUTED = new Color(0x6B7280);
    public static final Color GRID = new Color(0xE5E7EB);
    public static final Color BACKGROUND = Color.WHITE;

    /**
     * One colour per run, in the order runs get them, starting with the theme's accent and orange; ten
     * hues far apart, so overlaid runs stay distinct. The dash, not the colour, tells held-out from training.
     */
    static final Color[] RUNS = {
        new Color(0x2563EB), new Color(0xEA580C), new Color(0x16A34A), new Color(0xDC2626), new Color(0x7C3AED),
        new Color(0x92400E), new Color(0xDB2777), new Color(0x4B5563), new Color(0x65A30D), new Color(0x0891B2),
    };

    /** How many run colours there are; trainlab.css has a {@code run-color-<i>} class for each. */
    public static final int RUN_COLORS = 10;

    /** The colour of the run with palette index {@code index}; indexes beyond the palette wrap around. */
    public static Color run(int index) {
        return RUNS[Math.floorMod(index, RUNS.length)];
    }

    /** The same colour, faint: a run's per-batch loss under its bold epoch curves. */
    public static Color faint(Color color, int alpha) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
    }

    private Palette() {
    }
}
