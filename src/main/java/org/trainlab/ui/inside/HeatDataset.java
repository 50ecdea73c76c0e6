package org.trainlab.ui.inside;

import org.jfree.data.xy.AbstractXYZDataset;

/**
 * One heat strip's cells (epoch, value, share), replaced whole by {@link #set}: one change event
 * per refill, where removing and adding a series of {@code DefaultXYZDataset} sends two.
 */
final class HeatDataset extends AbstractXYZDataset {

    private static final long serialVersionUID = 1L;

    private final String key;
    private double[][] xyz = {new double[0], new double[0], new double[0]};

    HeatDataset(String key) {
        this.key = key;
    }

    /** Takes the three arrays of equal length as they are (the caller made them for this). */
    void set(double[][] cells) {
        if (cells.length != 3 || cells[0].length != cells[1].length || cells[0].length != cells[2].length) {
            throw new IllegalArgumentException("three arrays of one length expected");
        }
        this.xyz = cells;
        fireDatasetChanged();
    }

    @Override
    public int getSeriesCount() {
        return 1;
    }

    @Override
    public Comparable<?> getSeriesKey(int series) {
        return key;
    }

    @Override
    public int getItemCount(int series) {
        return xyz[0].length;
    }

    @Override
    public Number getX(int series, int item) {
        return xyz[0][item];
    }

    @Override
    public double getXValue(int series, int item) {
        return xyz[0][item];
    }

    @Override
    public Number getY(int series, int item) {
        return xyz[1][item];
    }

    @Override
    public double getYValue(int series, int item) {
        return xyz[1][item];
    }

    @Override
    public Number getZ(int series, int item) {
        return xyz[2][item];
    }

    @Override
    public double getZValue(int series, int item) {
        return xyz[2][item];
    }
}
