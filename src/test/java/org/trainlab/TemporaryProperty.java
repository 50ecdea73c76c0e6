package org.trainlab;

/**
 * A system property a test changes and puts back when closed: the value it had, or none. Tests point
 * the data and cache folders at temporary ones this way.
 */
public final class TemporaryProperty implements AutoCloseable {

    private final String key;
    private final String before;

    private TemporaryProperty(String key) {
        this.key = key;
        this.before = System.getProperty(key);
    }

    /** Sets {@code key} to {@code value} until closed. */
    public static TemporaryProperty set(String key, String value) {
        TemporaryProperty property = new TemporaryProperty(key);
        System.setProperty(key, value);
        return property;
    }

    /** Remembers {@code key}'s value for a test that sets it itself. */
    public static TemporaryProperty keep(String key) {
        return new TemporaryProperty(key);
    }

    @Override
    public void close() {
        if (before == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, before);
        }
    }
}
