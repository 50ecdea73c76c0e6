package org.trainlab.ui.hall;

/**
 * Decides, from the room there is, how the window shares it so that every chart's plot keeps at least
 * {@link #plotWidth} x {@link #plotHeight}: loss and accuracy side by side over the learning rate (two
 * rows), or the three in one row; and how wide the technique panel may be. In order of preference:
 * <ol>
 * <li>two rows, the panel at its usual width, the runs list keeping a few rows;</li>
 * <li>one row, the panel narrowed (it scrolls) but not below its minimum;</li>
 * <li>two rows, the runs list giving way entirely (its divider moves up);</li>
 * <li>one row with the technique panel folded away (a button unfolds it);</li>
 * <li>else the two rows, the best there is.</li>
 * </ol>
 * In the presentation view the panel is folded and the runs strip is outside this room. Plain numbers,
 * tested without a window.
 */
final class LayoutPlan {

    /** Pixels lost to rounding the grid's percentages and the cards' borders. */
    static final double ROUNDING = 3;

    /** A plot's smallest size: 300x150, or a fifth of the window's width and height if smaller. */
    static double plotWidth(double windowWidth) {
        return Math.min(300, windowWidth / 5);
    }

    static double plotHeight(double windowHeight) {
        return Math.min(150, windowHeight / 5);
    }

    /**
     * @param windowWidth  the window's content width
     * @param windowHeight the window's content height
     * @param height       the height the runs list (if any), the legend and the charts share
     * @param legend       the legend's height
     * @param chromeWidth  what a chart needs across beside its plot (axes, padding)
     * @param chromeHeight what a chart needs down beside its plot (title, key, axis)
     * @param hgap         between two charts across, and the charts' padding on each side
     * @param vgap         between the rows, and the charts' padding at the top and bottom
     * @param panelUsual   the technique panel's usual width
     * @param panelMin     the narrowest the panel is of any use at
     * @param runsMin      the runs list's height that shows a few rows; 0 when it is elsewhere
     * @param panelFolded  whether the panel is folded anyway (the presentation view)
     * @param foldedStrip  the width of what stands for the panel when it is folded for the charts
     */
    record Room(double windowWidth, double windowHeight, double height, double legend, double chromeWidth,
            double chromeHeight, double hgap, double vgap, double panelUsual, double panelMin, double runsMin,
            boolean panelFolded, double foldedStrip) {

        double floorWidth() {
            return plotWidth(windowWidth) + chromeWidth + ROUNDING;
        }

        double floorHeight() {
            return plotHeight(windowHeight) + chromeHeight + ROUNDING;
        }

        /** The charts' width for {@code columns} charts at their minimum, padding included. */
        double chartsWidth(int columns) {
            return columns * floorWidth() + (columns + 1) * hgap;
        }

        /** The grid's height for {@code rows} rows at their minimum, padding included. */
        double gridHeight(int rows) {
            return rows * floorHeight() + (rows + 1) * vgap;
        }
    }

    /**
     * @param oneRow        the three charts in one row
     * @param panelWidth    the technique panel's width; 0 when folded
     * @param gridMinHeight the charts' grid never gets less (the runs list gives way)
     * @param autoFolded    the panel is folded because the charts need its width
     */
    record Plan(boolean oneRow, double panelWidth, double gridMinHeight, boolean autoFolded) {
    }

    private LayoutPlan() {
    }

    static Plan plan(Room r) {
        double usual = r.panelFolded() ? 0 : r.panelUsual();
        double forCharts = r.height() - r.legend();
        if (forCharts - r.runsMin() >= r.gridHeight(2) && r.windowWidth() - usual >= r.chartsWidth(2)) {
            return new Plan(false, usual, r.gridHeight(2), false);
        }
        if (r.panelFolded()) {
            return r.windowWidth() >= r.chartsWidth(3) ? new Plan(true, 0, r.gridHeight(1), false)
                    : new Plan(false, 0, r.gridHeight(2), false);
        }
        double narrowed = Math.min(usual, r.windowWidth() - r.chartsWidth(3));
        if (narrowed >= r.panelMin() && forCharts >= r.gridHeight(1)) {
            return new Plan(true, Math.floor(narrowed), r.gridHeight(1), false);
        }
        double beside = Math.min(usual, r.windowWidth() - r.chartsWidth(2));
        if (forCharts >= r.gridHeight(2) && beside >= r.panelMin()) {
            return new Plan(false, Math.floor(beside), r.gridHeight(2), false);
        }
        if (r.windowWidth() - r.foldedStrip() >= r.chartsWidth(3)) {
            return new Plan(true, 0, r.gridHeight(1), true);
        }
        // nothing fits: whichever of the last two keeps the larger share of a plot's minimum
        double twoRows = share(r, 2, 2, r.panelMin(), forCharts);
        double oneRow = share(r, 3, 1, r.foldedStrip(), forCharts);
        return oneRow > twoRows ? new Plan(true, 0, r.gridHeight(1), true)
                : new Plan(false, Math.floor(r.panelMin()), r.gridHeight(2), false);
    }

    /** The smaller of a plot's width and height as shares of their minimum, in this arrangement. */
    static double share(Room r, int columns, int rows, double panel, double forCharts) {
        double across = (r.windowWidth() - panel - (columns + 1) * r.hgap()) / columns - r.chromeWidth() - ROUNDING;
        double down = (forCharts - (rows + 1) * r.vgap()) / rows - r.chromeHeight() - ROUNDING;
        return Math.min(across / plotWidth(r.windowWidth()), down / plotHeight(r.windowHeight()));
    }
}
