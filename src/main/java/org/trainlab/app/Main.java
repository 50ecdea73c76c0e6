package org.trainlab.app;

import javafx.application.Application;
import org.trainlab.cli.TrainLabCommand;

/**
 * Entry point: with arguments, the command line; without, the workbench window. Not itself an
 * Application, so JavaFX on the plain classpath starts without a module-path launcher.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            System.exit(TrainLabCommand.execute(args));
        }
        Application.launch(TrainLabApp.class);
        // training and loader threads are daemons; native thread pools may not be, so end here
        System.exit(0);
    }
}
