package io.migrescue;

import io.migrescue.cli.MigrescueCli;

import java.io.PrintWriter;

/** The only place that calls {@code System.exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = MigrescueCli.create(out, err, System.getenv(), System.console() != null, System.in, args).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
