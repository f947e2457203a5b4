package io.migrescue.cli;

import io.migrescue.db.DatabaseSession;
import io.migrescue.failure.ExitCode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The shape every command that works on one database shares: the connection options, the output format, a session
 * opened (and said so with -v), and the answer printed to stdout with its exit code.
 */
abstract class DatabaseCommand extends ContextAware implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    Stopwatch stopwatch() {
        return new Stopwatch(err());
    }

    /** Opens the session; with -v, says where it connected and how long that took. */
    DatabaseSession connect(Stopwatch watch) {
        DatabaseSession session = connection.open();
        watch.lap("connected to " + session.info().engine().displayName() + " "
                + session.info().version());
        return session;
    }

    /** Prints the command's answer, complete, and returns the exit code that goes with it. */
    int answer(String text, ExitCode code) {
        out().print(text);
        out().flush();
        return code.code();
    }
}
