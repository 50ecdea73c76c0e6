package org.trainlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command-line entry: {@code train}, {@code compare} and {@code bench}; without a subcommand the app opens its window. */
@Command(name = "trainlab", mixinStandardHelpOptions = true, version = "TrainLab 0.1",
        description = "A workbench for deep-learning training techniques.",
        subcommands = {TrainCommand.class, CompareCommand.class, BenchCommand.class})
public final class TrainLabCommand implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static int execute(String... args) {
        return new CommandLine(new TrainLabCommand()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    // an unexpected failure: one line here, the stack trace in the log file
                    org.slf4j.LoggerFactory.getLogger(TrainLabCommand.class).error("command failed", e);
                    line.getErr().println("error: " + e + CliLog.details());
                    return 1;
                })
                .execute(args);
    }
}
