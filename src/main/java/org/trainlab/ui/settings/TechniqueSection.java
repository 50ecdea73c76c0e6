package org.trainlab.ui.settings;

import javafx.scene.Node;

/**
 * One titled section of the technique panel, one class each, named by the tutorial's section number
 * (the AtlantaFX sampler's one page per class): {@code Section6Optimizer} is "§6 in the window".
 * {@link SettingsView} lists them in the tutorial's order and frames each with its title and hint.
 */
interface TechniqueSection {

    /** The bundle's section id: {@code section.<id>} is the title, {@code section.<id>.hint} the note. */
    String id();

    /** The tutorial's section number, empty for the data section. */
    String number();

    /** Open when the window starts. */
    boolean expanded();

    /** The controls, built and bound to the view model. */
    Node[] content();

    /** Releases what the section holds beyond the shared subscriptions (a chart). */
    default void dispose() {
    }
}
