package org.trainlab.app;

import javafx.application.Application;
import org.trainlab.cli.TrainLabCommand;
import org.trainlab.cli.CliLog;
import org.trainlab.engine.OpenMpWaitPolicy;

/**
 * Entry point: with arguments, the command line; without, the workbench window. Not itself an
 * Application, so JavaFX on the plain classpath starts without a module-path launcher.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        OpenMpWaitPolicy.apply(); // first, while this is the program's only thread (see there)
        if (args.length == 1 && SessionArgument.isSessionFile(args[0])) {
            // a session file opened from the file manager (the installers associate *.trainlab.json)
            System.setProperty(Workbench.OPEN_PROPERTY, args[0]);
            args = new String[0];
        }
        if (args.length > 0) {
            CliLog.init(); // before any logger: stack traces to a file, one line on the terminal
            System.exit(TrainLabCommand.execute(args));
        }
        Application.launch(TrainLabApp.class);
        // training and loader threads are daemons; native thread pools may not be, so end here
        System.exit(0);
    }
}
