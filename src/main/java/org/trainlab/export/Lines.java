package org.trainlab.export;

/** Generated source text, a line at a time (Python for PyTorch, Java for DL4J). */
final class Lines {

    private final StringBuilder text = new StringBuilder();

    void line(String line) {
        text.append(line).append('\n');
    }

    void line() {
        text.append('\n');
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
