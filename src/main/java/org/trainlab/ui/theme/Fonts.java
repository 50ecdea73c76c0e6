package org.trainlab.ui.theme;

import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;

import javafx.scene.text.Font;

/**
 * The bundled Nanum Gothic, so Hangul renders on machines without a Korean font: loaded into JavaFX
 * for the controls (CSS {@code -fx-font-family}) and registered with Java2D for chart exports.
 *
 * <p>The charts draw through FXGraphics2D, which asks JavaFX for the AWT font's
 * {@link java.awt.Font#getFamily()}. AWT gives that name in the system's language ("나눔고딕" on a
 * Korean system), which JavaFX does not know, so chart fonts answer with JavaFX's own family name.
 */
public final class Fonts {

    public static final String REGULAR = "/assets/fonts/NanumGothic.ttf";
    public static final String BOLD = "/assets/fonts/NanumGothicBold.ttf";
    /** The family in the font files' English names; what JavaFX calls it. */
    public static final String FAMILY = "NanumGothic";

    private static boolean loaded;
    private static java.awt.Font awtRegular;

    private Fonts() {
    }

    /** Loads both weights into JavaFX and Java2D; once, on the FX thread. Missing files are reported, not fatal. */
    public static synchronized void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        for (String resource : new String[] {REGULAR, BOLD}) {
            try (InputStream in = Fonts.class.getResourceAsStream(resource)) {
                if (in == null || Font.loadFont(in, 13) == null) {
                    System.err.println("TrainLab: could not load font " + resource + "; Hangul may not render");
                }
            } catch (IOException e) {
                System.err.println("TrainLab: could not load font " + resource + ": " + e.getMessage());
            }
            try (InputStream in = Fonts.class.getResourceAsStream(resource)) {
                if (in != null) {
                    java.awt.Font font = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, in);
                    GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
                    if (resource.equals(REGULAR)) {
                        awtRegular = font;
                    }
                }
            } catch (IOException | FontFormatException e) {
                System.err.println("TrainLab: could not register font " + resource + " for charts: " + e.getMessage());
            }
        }
    }

    /** A chart font of the bundled family at {@code size} points. */
    public static java.awt.Font chart(boolean bold, float size) {
        int style = bold ? java.awt.Font.BOLD : java.awt.Font.PLAIN;
        java.awt.Font base = awtRegular != null ? awtRegular.deriveFont(style, size)
                : new java.awt.Font(FAMILY, style, Math.round(size));
        return new ChartFont(base);
    }

    /** Answers JavaFX's family name whatever the system's language; see the class comment. */
    private static final class ChartFont extends java.awt.Font {
        private static final long serialVersionUID = 1L;

        ChartFont(java.awt.Font base) {
            super(base);
        }

        @Override
        public String getFamily() {
            return FAMILY;
        }

        @Override
        public java.awt.Font deriveFont(float size) {
            return new ChartFont(super.deriveFont(size));
        }

        @Override
        public java.awt.Font deriveFont(int style, float size) {
            return new ChartFont(super.deriveFont(style, size));
        }

        @Override
        public java.awt.Font deriveFont(int style) {
            return new ChartFont(super.deriveFont(style));
        }
    }
}
