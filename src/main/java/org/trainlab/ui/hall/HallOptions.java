package org.trainlab.ui.hall;

import javafx.beans.property.BooleanProperty;

/**
 * Start options for classrooms, demos and screenshots: {@code -Dtrainlab.projector=true} opens in
 * projector mode, {@code -Dtrainlab.presentation=true} in the presentation view.
 */
public final class HallOptions {

    public static final String PROJECTOR_PROPERTY = "trainlab.projector";
    public static final String PRESENTATION_PROPERTY = "trainlab.presentation";

    private HallOptions() {
    }

    /** Turns on what the options ask for; FX thread, once the window is placed. */
    public static void apply(BooleanProperty projectorMode, HallViewModel hall) {
        if (Boolean.getBoolean(PROJECTOR_PROPERTY)) {
            projectorMode.set(true);
        }
        if (Boolean.getBoolean(PRESENTATION_PROPERTY)) {
            hall.presentationProperty().set(true);
        }
    }
}
