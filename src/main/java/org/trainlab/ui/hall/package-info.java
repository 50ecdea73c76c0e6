/**
 * The lecture hall: a window layout that never breaks on a projector's or a laptop's screen (the charts
 * keep a usable size, the technique panel and the runs list give way first), the window fitted to its
 * screen and remembered, and the presentation view for the back row with the lesson's focus.
 */
package org.trainlab.ui.hall;
