package org.trainlab.data;

import java.io.IOException;

/** An IDX file (or its gzip wrapper) is not what its header promises; the message names the file. */
public class IdxFormatException extends IOException {

    public IdxFormatException(String message) {
        super(message);
    }

    public IdxFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
