package org.trainlab.preset;

/** A preset file that cannot be used; the message names the file and what is wrong in it. */
public final class PresetFormatException extends RuntimeException {

    public PresetFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
