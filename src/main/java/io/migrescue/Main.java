package io.migrescue;

import io.migrescue.cli.CliContext;
import io.migrescue.cli.MigrescueCli;
import io.migrescue.cli.Version;
import io.migrescue.shell.MigrescueShell;
import java.io.PrintWriter;
import java.util.Map;

/** The only place that calls {@code System.exit}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Map<String, String> environment = System.getenv();
        boolean terminal = System.console() != null; // piped or redirected output is never coloured
        PrintWriter out = new PrintWriter(System.out, true);
        if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            // nothing to parse: building the command line would cost more than the whole answer (start-up, issue 19)
            for (String line : Version.lines()) {
                out.println(line);
            }
            out.flush();
            System.exit(0);
        }
        PrintWriter err = new PrintWriter(System.err, true);
        if (terminal) {
            out = io.migrescue.shell.CommandLineColours.results(out, environment);
            err = io.migrescue.shell.CommandLineColours.errors(err, environment);
        }
        int code;
        try {
            PrintWriter stdout = out;
            PrintWriter stderr = err;
            CliContext context = new CliContext(environment, terminal, System.in, null, null, () -> {
                stdout.flush();
                stderr.flush();
                return MigrescueShell.onSystemTerminal(environment);
            });
            code = MigrescueCli.create(out, err, context, args).execute(args);
        } catch (
                Throwable t) { // an Error passes picocli's handler: still one line, never a stack trace on the terminal
            code = UncaughtFailure.report(t, err);
        }
        out.flush();
        err.flush();
        System.exit(code);
    }
}
