package org.trainlab.ui.hall;

import java.util.List;
import java.util.Optional;

/**
 * Where the window opens: on the screen it was last on, at its last size, if that screen is still there
 * (clamped so no part lies outside it); else fitted to the primary screen, maximized on a small one
 * (a projector's 1280x720, a laptop's 1366x768). Plain numbers, so every case is tested without a screen.
 */
public final class WindowPlacement {

    /** Screens this small or smaller get the whole screen: every pixel counts there. */
    static final double SMALL_WIDTH = 1400;
    static final double SMALL_HEIGHT = 800;
    /** On a larger screen, a new window takes this share of it, centred. */
    static final double SHARE = 0.9;
    /** The window's smallest size, unless the screen is smaller. */
    static final double MIN_WIDTH = 960;
    static final double MIN_HEIGHT = 600;
    /** A remembered window smaller than this, or showing less than this on any screen, is not used. */
    static final double MIN_REMEMBERED = 200;

    /** A rectangle in screen coordinates. */
    public record Box(double x, double y, double width, double height) {
        boolean finite() {
            return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(width) && Double.isFinite(height);
        }

        double overlap(Box o) {
            double w = Math.min(x + width, o.x + o.width) - Math.max(x, o.x);
            double h = Math.min(y + height, o.y + o.height) - Math.max(y, o.y);
            return w > 0 && h > 0 ? w * h : 0;
        }
    }

    /** What the window remembers of itself: its last bounds when not maximized, and whether it was. */
    public record Remembered(Box bounds, boolean maximized) {
    }

    /**
     * @param bounds    the window's bounds (when maximized, the screen it is maximized on)
     * @param maximized whether to maximize it
     * @param minWidth  its smallest width: {@link #MIN_WIDTH} or the screen's width if smaller
     * @param minHeight likewise
     */
    public record Placement(Box bounds, boolean maximized, double minWidth, double minHeight) {
    }

    private WindowPlacement() {
    }

    /**
     * @param screens    the screens' visual bounds (without task bars); the first is the primary one
     * @param remembered what the window remembered, if anything
     */
    public static Placement place(List<Box> screens, Optional<Remembered> remembered) {
        if (screens.isEmpty()) {
            throw new IllegalArgumentException("no screen");
        }
        if (remembered.isPresent() && usable(remembered.get().bounds())) {
            Box saved = remembered.get().bounds();
            Box screen = screens.get(0);
            double best = 0;
            for (Box s : screens) {
                double overlap = s.overlap(saved);
                if (overlap > best) {
                    best = overlap;
                    screen = s;
                }
            }
            if (best >= MIN_REMEMBERED * MIN_REMEMBERED / 4) {
                return new Placement(clamp(saved, screen), remembered.get().maximized(), Math.min(MIN_WIDTH, screen.width()),
                        Math.min(MIN_HEIGHT, screen.height()));
            }
        }
        Box screen = screens.get(0);
        double minWidth = Math.min(MIN_WIDTH, screen.width());
        double minHeight = Math.min(MIN_HEIGHT, screen.height());
        if (screen.width() <= SMALL_WIDTH || screen.height() <= SMALL_HEIGHT) {
            return new Placement(screen, true, minWidth, minHeight);
        }
        double width = Math.max(minWidth, Math.round(screen.width() * SHARE));
        double height = Math.max(minHeight, Math.round(screen.height() * SHARE));
        return new Placement(new Box(screen.x() + Math.round((screen.width() - width) / 2),
                screen.y() + Math.round((screen.height() - height) / 2), width, height), false, minWidth, minHeight);
    }

    private static boolean usable(Box b) {
        return b != null && b.finite() && b.width() >= MIN_REMEMBERED && b.height() >= MIN_REMEMBERED;
    }

    /** The box moved and shrunk just enough to lie wholly on the screen. */
    static Box clamp(Box b, Box screen) {
        double width = Math.min(b.width(), screen.width());
        double height = Math.min(b.height(), screen.height());
        double x = Math.max(screen.x(), Math.min(b.x(), screen.x() + screen.width() - width));
        double y = Math.max(screen.y(), Math.min(b.y(), screen.y() + screen.height() - height));
        return new Box(x, y, width, height);
    }
}
