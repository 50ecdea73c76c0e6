package org.trainlab.ui.theme;

import java.awt.Color;

/** The theme's colours for the charts, matching trainlab.css (which names the same hex values). */
public final class Palette {

    public static final Color TRAIN = new Color(0x2563EB);
    public static final Color HELD_OUT = new Color(0xEA580C);
    public static final Color BATCH = new Color(0x25, 0x63, 0xEB, 0x59);
    /** Held-out worse than train: the overfitting gap. */
    public static final Color GAP = new Color(0xEA, 0x58, 0x0C, 0x38);
    /** Held-out better than train (dropout, augmentation make training harder). */
    public static final Color REVERSE_GAP = new Color(0x25, 0x63, 0xEB, 0x1C);
    public static final Color LR = new Color(0x7C3AED);
    public static final Color PLANNED = new Color(0x9CA3AF);
    public static final Color DIVERGED = new Color(0xDC2626);
    public static final Color TEXT = new Color(0x1F2937);
    public static final Color MUTED = new Color(0x6B7280);
    public static final Color GRID = new Color(0xE5E7EB);
    public static final Color BACKGROUND = Color.WHITE;

    private Palette() {
    }
}
