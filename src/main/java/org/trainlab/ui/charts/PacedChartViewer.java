package org.trainlab.ui.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * A chart viewer whose canvas takes a new size, and so draws the chart afresh, at a pulse of its own
 * ({@link RedrawPacer}) rather than inside the layout pass that changed the size. A page that puts
 * several new charts on screen at once (the Inside view's layer-health page when a run's layers
 * first appear) then draws them over several pulses instead of stalling one pulse for all of them.
 * Until then the canvas keeps its former size (and, being the viewer's child, holds the viewer's
 * preferred size there a pulse longer: give the viewer's container a preferred size of its own, as the
 * Inside view's cards do). {@link ChartStyle#drawPending()} applies the sizes still waiting at once.
 */
public final class PacedChartViewer extends ChartViewer {

    private boolean resizePending;

    /** Without JFreeChart's context menu (a pop-up window made for each viewer): its page exports instead. */
    public PacedChartViewer(JFreeChart chart) {
        super(chart, false);
    }

    @Override
    protected void layoutChildren() {
        // the canvas already has the size (JFreeChart's viewer gives it the viewer's own), or it takes its
        // first one: a page's charts appear at once when it opens, resizes wait for their pulse
        boolean first = getCanvas().getWidth() == 0 && getCanvas().getHeight() == 0;
        if (first || getWidth() == getCanvas().getWidth() && getHeight() == getCanvas().getHeight()) {
            super.layoutChildren();
            return;
        }
        if (!resizePending) {
            resizePending = true;
            RedrawPacer.request(() -> {
                resizePending = false;
                super.layoutChildren();
            }, true);
        }
    }
}
