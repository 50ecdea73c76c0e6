package org.trainlab.ui.hall;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Subscription;

/**
 * Fits the stage to its screen when it opens ({@link WindowPlacement}), remembers its size and position
 * when it closes ({@link WindowMemory}), and maximizes it when projector mode turns on (a lecture hall
 * wants the whole projector), giving back the earlier size when it turns off.
 */
public final class WindowFit {

    private final Stage stage;
    private final WindowMemory memory;
    private final List<Subscription> subscriptions = new ArrayList<>();
    /** The last bounds while neither maximized nor full screen: what the next start restores. */
    private WindowPlacement.Box normal;
    private boolean maximizedForProjector;

    public WindowFit(Stage stage, WindowMemory memory) {
        this.stage = stage;
        this.memory = memory;
    }

    /** Where the window opens, from the screens there are and what it remembers. */
    public WindowPlacement.Placement placement() {
        List<WindowPlacement.Box> screens = new ArrayList<>();
        screens.add(box(Screen.getPrimary().getVisualBounds()));
        for (Screen s : Screen.getScreens()) {
            if (!s.equals(Screen.getPrimary())) {
                screens.add(box(s.getVisualBounds()));
            }
        }
        return WindowPlacement.place(screens, memory.load());
    }

    /** Places the stage (before it shows) and follows its size from then on; FX thread. */
    public void apply(WindowPlacement.Placement placement, ObservableBooleanValue projector) {
        WindowPlacement.Box b = placement.bounds();
        stage.setMinWidth(placement.minWidth());
        stage.setMinHeight(placement.minHeight());
        stage.setX(b.x());
        stage.setY(b.y());
        stage.setWidth(b.width());
        stage.setHeight(b.height());
        normal = b;
        stage.setMaximized(placement.maximized());
        Runnable track = () -> {
            if (!stage.isMaximized() && !stage.isFullScreen() && stage.getWidth() > 0 && stage.getHeight() > 0) {
                normal = new WindowPlacement.Box(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            }
        };
        subscriptions.add(stage.xProperty().subscribe(v -> track.run()));
        subscriptions.add(stage.yProperty().subscribe(v -> track.run()));
        subscriptions.add(stage.widthProperty().subscribe(v -> track.run()));
        subscriptions.add(stage.heightProperty().subscribe(v -> track.run()));
        subscriptions.add(projector.subscribe((was, on) -> {
            if (on && !stage.isMaximized() && !stage.isFullScreen()) {
                maximizedForProjector = true;
                WindowPlacement.Box before = normal;
                // the screen's bounds as well: without a window manager, maximizing alone may do nothing
                Rectangle2D screen = screenOf(stage).getVisualBounds();
                stage.setX(screen.getMinX());
                stage.setY(screen.getMinY());
                stage.setWidth(screen.getWidth());
                stage.setHeight(screen.getHeight());
                stage.setMaximized(true);
                normal = before;
            } else if (!on && maximizedForProjector) {
                maximizedForProjector = false;
                stage.setMaximized(false);
                if (normal != null) {
                    stage.setX(normal.x());
                    stage.setY(normal.y());
                    stage.setWidth(normal.width());
                    stage.setHeight(normal.height());
                }
            }
        }));
    }

    /** Writes the size and position for the next start, and stops following the stage; FX thread. */
    public void remember() {
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
        if (normal != null) {
            memory.save(new WindowPlacement.Remembered(normal, stage.isMaximized() && !maximizedForProjector));
        }
    }

    /** The screen that holds most of the stage, else the primary one. */
    private static Screen screenOf(Stage stage) {
        List<Screen> screens = Screen.getScreensForRectangle(stage.getX(), stage.getY(), Math.max(1, stage.getWidth()),
                Math.max(1, stage.getHeight()));
        return screens.isEmpty() ? Screen.getPrimary() : screens.get(0);
    }

    private static WindowPlacement.Box box(Rectangle2D r) {
        return new WindowPlacement.Box(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
    }
}
