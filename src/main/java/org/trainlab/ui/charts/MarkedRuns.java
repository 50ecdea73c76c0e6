package org.trainlab.ui.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * Which runs get event markers: the highlighted run always (labelled, as before), and every other run
 * shown while only a few are shown, so that comparing two or three runs shows where each one's rate
 * changed and where each one was best. With more runs than {@link #FEW} only the highlighted run is
 * marked: a line per event per run would hide the curves.
 */
final class MarkedRuns {

    /** Up to this many runs shown, each is marked. */
    static final int FEW = 4;

    /** One run's markers; {@code highlighted} is the run whose markers are labelled and drawn stronger. */
    record Marked(String runId, int colorIndex, boolean highlighted, List<EventMarkers.Marker> markers) {
    }

    private MarkedRuns() {
    }

    /** The runs to mark, the highlighted run last so its lines lie on top. */
    static List<Marked> of(ChartsModel model) {
        String highlighted = model.highlightedProperty().get();
        List<ChartsModel.Overlay> shown = model.overlaysProperty().get().stream()
                .filter(o -> !o.faint() && !model.options().isHidden(o.runId())).toList();
        List<Marked> marked = new ArrayList<>();
        Marked top = null;
        for (ChartsModel.Overlay o : shown) {
            if (o.runId().equals(highlighted)) {
                top = new Marked(o.runId(), o.colorIndex(), true, model.markersProperty().get());
            } else if (shown.size() <= FEW) {
                RunExtras extras = model.extras(o.runId());
                if (extras != null) {
                    double diverged = model.divergencesProperty().get().stream()
                            .filter(d -> d.runId().equals(o.runId())).mapToDouble(ChartsModel.Divergence::x)
                            .findFirst().orElse(Double.NaN);
                    List<EventMarkers.Marker> markers = EventMarkers.of(extras.scheduler, extras.epochs, diverged);
                    if (!markers.isEmpty()) {
                        marked.add(new Marked(o.runId(), o.colorIndex(), false, markers));
                    }
                }
            }
        }
        if (top != null) {
            marked.add(top);
        }
        return marked;
    }

    /** The marked events of this run at this epoch (for the hover table, which names what the thin lines mean). */
    static List<EventMarkers.Marker> at(ChartsModel model, String runId, int epoch) {
        return of(model).stream().filter(m -> m.runId().equals(runId)).flatMap(m -> m.markers().stream())
                .filter(m -> m.epoch() == epoch).toList();
    }
}
