package org.trainlab.experiment.json;

import org.trainlab.experiment.settings.SettingsException;

/**
 * JSON that cannot be turned into settings or a run record: malformed, an unknown field, a wrong type
 * or an unknown enum name. The message names the JSON path and the problem.
 */
public final class SettingsFormatException extends SettingsException {

    public SettingsFormatException(String message) {
        super(message, null);
    }

    public SettingsFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
