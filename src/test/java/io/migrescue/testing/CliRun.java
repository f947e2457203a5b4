package io.migrescue.testing;

import io.migrescue.cli.MigrescueCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the command line in-process, as Main does, and keeps what it printed and its exit code. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun run(Map<String, String> environment, List<String> args) {
        return withStdin("", environment, args);
    }

    /** Runs with {@code stdin} as standard input (what a pipe would feed). */
    public static CliRun withStdin(String stdin, Map<String, String> environment, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MigrescueCli.create(
                        new PrintWriter(out, true),
                        new PrintWriter(err, true),
                        environment,
                        false,
                        new java.io.ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        args.toArray(String[]::new))
                .execute(args.toArray(String[]::new));
        return new CliRun(code, out.toString(), err.toString());
    }

    public static CliRun run(String... args) {
        return run(Map.of(), List.of(args));
    }

    /** Runs a command against a scratch database: its connection arguments first, then {@code extra}. */
    public static CliRun on(ScratchDatabase db, String command, String... extra) {
        List<String> args = new ArrayList<>();
        args.add(command);
        args.addAll(db.cliArgs());
        args.addAll(List.of(extra));
        return run(db.cliEnvironment(), args);
    }

    public String all() {
        return out + err;
    }
}
