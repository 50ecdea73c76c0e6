package org.trainlab.ui.group;

import java.util.List;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.trainlab.experiment.compare.Verdict;

/**
 * One group of seeds in the runs list: its colour, name, what it changed, its progress as a whole, its
 * figures over the seeds and its verdict against the group it came from. Updated in place.
 */
public final class GroupRow {

    private final String id;
    private final ReadOnlyIntegerWrapper colorIndex = new ReadOnlyIntegerWrapper(this, "colorIndex");
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
    private final ReadOnlyStringWrapper difference = new ReadOnlyStringWrapper(this, "difference", "");
    private final ReadOnlyIntegerWrapper seeds = new ReadOnlyIntegerWrapper(this, "seeds");
    private final ReadOnlyIntegerWrapper finished = new ReadOnlyIntegerWrapper(this, "finished");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper figures = new ReadOnlyStringWrapper(this, "figures", "");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    private final ReadOnlyStringWrapper brief = new ReadOnlyStringWrapper(this, "brief", "");
    private final ReadOnlyObjectWrapper<Verdict.Kind> kind = new ReadOnlyObjectWrapper<>(this, "kind");
    private List<String> memberIds = List.of();

    GroupRow(String id) {
        this.id = id;
    }

    void update(int color, String groupName, String diff, List<String> members, int done, double share,
                String figureText, String verdictText, String briefText, Verdict.Kind verdictKind) {
        colorIndex.set(color);
        name.set(groupName);
        difference.set(diff);
        memberIds = List.copyOf(members);
        seeds.set(members.size());
        finished.set(done);
        progress.set(share);
        figures.set(figureText);
        verdict.set(verdictText);
        brief.set(briefText);
        kind.set(verdictKind);
    }

    public String id() { return id; }
    /** The members' run ids, seed by seed. */
    public List<String> memberIds() { return memberIds; }
    public ReadOnlyIntegerProperty colorIndexProperty() { return colorIndex.getReadOnlyProperty(); }
    public ReadOnlyStringProperty nameProperty() { return name.getReadOnlyProperty(); }
    /** What the group changed from its parent group, or empty. */
    public ReadOnlyStringProperty differenceProperty() { return difference.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty seedsProperty() { return seeds.getReadOnlyProperty(); }
    /** Members that have ended. */
    public ReadOnlyIntegerProperty finishedProperty() { return finished.getReadOnlyProperty(); }
    /** 0 to 1 over all members' epochs. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    /** Mean best held-out accuracy ± sd and mean final gap, once a seed finished an epoch. */
    public ReadOnlyStringProperty figuresProperty() { return figures.getReadOnlyProperty(); }
    /** The verdict against the parent group, in one sentence; empty for a group without a parent. */
    public ReadOnlyStringProperty verdictProperty() { return verdict.getReadOnlyProperty(); }
    /** The verdict in a few characters for a one-line row ("+1.4 pts [+0.9, +1.9], 5/5 seeds"); empty without one. */
    public ReadOnlyStringProperty briefProperty() { return brief.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Verdict.Kind> kindProperty() { return kind.getReadOnlyProperty(); }

    @Override
    public String toString() {
        return name.get();
    }
}
