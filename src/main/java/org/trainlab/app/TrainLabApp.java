package org.trainlab.app;

import javafx.application.Application;
import javafx.stage.Stage;
import org.trainlab.experiment.text.Messages;

/** The JavaFX application: the workbench window in the system's language (Korean or English). */
public final class TrainLabApp extends Application {

    private Workbench workbench;

    @Override
    public void start(Stage stage) {
        workbench = Workbench.open(stage, Messages.systemDefault());
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.close();
        }
    }
}
