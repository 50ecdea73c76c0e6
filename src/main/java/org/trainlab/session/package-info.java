/**
 * The whole workbench as one file: every run's settings, state and metrics ({@link org.trainlab.session.Session}),
 * its JSON form ({@link org.trainlab.session.SessionJson}), the autosave that survives a crash
 * ({@link org.trainlab.session.SessionStore}, {@link org.trainlab.session.SessionAutosaver}), the bridge
 * from training events to session updates ({@link org.trainlab.session.SessionRecorder}) and the timing
 * of replays ({@link org.trainlab.session.Replay}).
 *
 * <p>Toolkit-free: no JavaFX, DL4J or ND4J, so the command line uses the same autosave as the window
 * and every piece is tested headless. Sessions are immutable values; {@link org.trainlab.session.LiveSession}
 * is the one mutable holder that training threads, the autosaver and the window share.
 */
package org.trainlab.session;
