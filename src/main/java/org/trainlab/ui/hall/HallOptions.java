package org.trainlab.ui.hall;

import org.trainlab.ui.MainViewModel;

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
    public static void apply(MainViewModel vm) {
        if (Boolean.getBoolean(PROJECTOR_PROPERTY)) {
            vm.projectorModeProperty().set(true);
        }
        if (Boolean.getBoolean(PRESENTATION_PROPERTY)) {
            vm.hall().presentationProperty().set(true);
        }
    }
}
