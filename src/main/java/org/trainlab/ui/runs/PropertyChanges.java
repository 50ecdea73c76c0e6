package org.trainlab.ui.runs;

import java.util.Objects;

import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Sets a property only when the value differs. An object property fires on a new but equal object, a
 * double one on NaN after NaN (the two never compare equal); models refreshed at every drain set most
 * of their fields to what they hold already, and every cell and label bound to them would then format
 * its text again.
 */
public final class PropertyChanges {

    private PropertyChanges() {
    }

    /** Sets the property unless it holds an equal value already. */
    public static <T> void changeTo(ReadOnlyObjectWrapper<T> property, T value) {
        if (!Objects.equals(property.get(), value)) {
            property.set(value);
        }
    }

    /** Sets the property unless it holds the same value already, NaN included. */
    public static void changeTo(ReadOnlyDoubleWrapper property, double value) {
        if (Double.compare(property.get(), value) != 0) {
            property.set(value);
        }
    }
}
