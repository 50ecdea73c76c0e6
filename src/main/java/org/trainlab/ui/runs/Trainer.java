package org.trainlab.ui.runs;

import org.trainlab.engine.TrainingListener;
import org.trainlab.engine.TrainingService;
import org.trainlab.experiment.settings.ExperimentSettings;

/** Starts runs; the window's only way into the engine, so view-model tests can stand in for it. */
@FunctionalInterface
public interface Trainer {

    /**
     * Queues a run whose listener is called on the training thread.
     *
     * @throws org.trainlab.experiment.validation.InvalidSettingsException if the settings are invalid
     */
    Control submit(ExperimentSettings settings, TrainingListener listener);

    /** How many submitted runs may train at once; the window never submits more than that. */
    default void setConcurrency(int runs) {
    }

    /** Pause, resume and stop of one run, from any thread; each takes effect between batches. */
    interface Control {
        void pause();

        void resume();

        void stop();
    }

    static Trainer of(TrainingService service) {
        return new Trainer() {
            @Override
            public void setConcurrency(int runs) {
                service.setMaxConcurrent(runs);
            }

            @Override
            public Control submit(ExperimentSettings settings, TrainingListener listener) {
                return control(service.submit(settings, listener));
            }
        };
    }

    private static Control control(TrainingService.RunHandle handle) {
        return new Control() {
            @Override
            public void pause() {
                handle.pause();
            }

            @Override
            public void resume() {
                handle.resume();
            }

            @Override
            public void stop() {
                handle.stop();
            }
        };
    }
}
