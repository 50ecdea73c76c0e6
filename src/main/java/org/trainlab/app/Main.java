package org.trainlab.app;

import org.trainlab.cli.TrainLabCommand;

/** Entry point: with arguments, the command line; without, the workbench window. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            System.exit(TrainLabCommand.execute(args));
        }
        System.err.println("The workbench window is not built yet; try: train --config FILE --out DIR, or bench");
        System.exit(TrainLabCommand.execute("--help"));
    }
}
