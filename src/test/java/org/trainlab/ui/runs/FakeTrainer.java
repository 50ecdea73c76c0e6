package org.trainlab.ui.runs;

import java.util.ArrayList;
import java.util.List;

import org.trainlab.engine.TrainingListener;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.text.StateNote;
import org.trainlab.experiment.settings.ExperimentSettings;

/** Records submissions; the test plays the training thread through each one's listener. */
public final class FakeTrainer implements Trainer {
    public final List<Submission> runs = new ArrayList<>();
    public int concurrency = 1;

    @Override
    public Control submit(ExperimentSettings settings, TrainingListener listener) {
        Submission s = new Submission(settings, listener);
        runs.add(s);
        return s;
    }

    @Override
    public void setConcurrency(int n) {
        concurrency = n;
    }

    public Submission last() {
        return runs.get(runs.size() - 1);
    }

    public List<String> names() {
        return runs.stream().map(s -> s.settings.name()).toList();
    }

    public static final class Submission implements Control {
        public final ExperimentSettings settings;
        public final TrainingListener listener;
        public final List<String> calls = new ArrayList<>();

        Submission(ExperimentSettings settings, TrainingListener listener) {
            this.settings = settings;
            this.listener = listener;
        }

        public void finish(RunState end) {
            listener.onStateChanged(RunState.RUNNING, null);
            listener.onStateChanged(end, end == RunState.COMPLETED ? null : StateNote.of("run.note.stoppedByUser", 1, 1));
        }

        @Override
        public void pause() {
            calls.add("pause");
        }

        @Override
        public void resume() {
            calls.add("resume");
        }

        @Override
        public void stop() {
            calls.add("stop");
        }
    }
}
