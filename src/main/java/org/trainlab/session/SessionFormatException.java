package org.trainlab.session;

/**
 * A file that cannot be opened as a session: not JSON, damaged, another kind of TrainLab file or
 * another program's. The message says which, for people, in one or two sentences.
 */
public final class SessionFormatException extends RuntimeException {

    public SessionFormatException(String message) {
        super(message);
    }

    public SessionFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
