package org.trainlab.experiment.settings;

/** Settings that cannot be used: either unreadable ({@link SettingsFormatException}) or out of range ({@link InvalidSettingsException}). */
public abstract class SettingsException extends RuntimeException {

    protected SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
