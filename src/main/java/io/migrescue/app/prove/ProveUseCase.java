package io.migrescue.app.prove;

import io.migrescue.app.CountMode;
import io.migrescue.app.DiffReport;
import io.migrescue.app.DiffRequest;
import io.migrescue.app.DiffUseCase;
import io.migrescue.db.DatabaseSession;
import io.migrescue.diff.DiffOptions;
import io.migrescue.diff.Difference;
import io.migrescue.failure.MigrescueException;
import io.migrescue.model.Engine;
import io.migrescue.sql.SqlStatement;
import io.migrescue.sql.StatementSplitter;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * {@code diff --prove}: runs the fix script and its rollback where they can do no harm and checks what they do. An
 * empty scratch database is made on the target's server (or the one {@code --prove-on} names), given the target's
 * schema by the diff's own script machinery (the target compared with the empty database), and checked to be like the
 * target; then the fix script runs on it and it must be like the source, the rollback runs and it must be like the
 * target again. The scratch database is dropped whatever happens. Histories are not compared: a script never writes them.
 */
public final class ProveUseCase {
    private static final String PREFIX = "migrescue_prove_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ProveUseCase() {}

    /**
     * Where the scratch database is made.
     *
     * @param admin  a session on that server, allowed to create and drop a database (the target's own, by default)
     * @param opener opens a session on a database of that server, by name, with the same credentials
     */
    public record ScratchServer(DatabaseSession admin, Function<String, DatabaseSession> opener) {}

    public static ProofReport run(
            DatabaseSession source,
            DatabaseSession target,
            ScratchServer server,
            DiffReport report,
            String fixScript,
            String rollbackScript) {
        Engine engine = target.engine();
        if (server.admin().engine().isMySqlFamily() != engine.isMySqlFamily()) {
            throw MigrescueException.usage(
                    "--prove-on: a " + server.admin().engine().displayName() + " server cannot run a "
                            + engine.displayName() + " script");
        }
        boolean mysql = engine.isMySqlFamily();
        if (mysql && report.targetSchemas().size() != 1) {
            throw MigrescueException.usage(
                    "--prove on " + engine.displayName() + " proves one target database at a time (--target-schema)");
        }
        String name = PREFIX + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"))
                + "_" + Integer.toHexString(0x1000 + RANDOM.nextInt(0xf000));
        create(server.admin(), name);
        List<ProofReport.Step> steps = new ArrayList<>();
        try (DatabaseSession scratch = server.opener().apply(name)) {
            // MySQL's schemas are databases: the scratch one stands for the target's, so its name replaces the target's
            List<String> scratchSchemas = mysql ? List.of(name) : report.targetSchemas();
            String targetQuoted = target.dialect().quote(report.targetSchemas().get(0));
            UnaryOperator<String> rename =
                    mysql ? sql -> sql.replace(targetQuoted, scratch.dialect().quote(name)) : sql -> sql;
            Supplier<DiffReport> likeTarget =
                    () -> DiffUseCase.run(target, scratch, request(report, report.targetSchemas(), scratchSchemas));
            String copy = likeTarget.get().script().forward(List.of());
            steps.add(step(
                    "copy",
                    "the target's schema rebuilt in " + name + ", compared with the target",
                    scratch,
                    copy,
                    likeTarget));
            if (steps.get(0).passed()) {
                int withheld = report.script().withheld();
                String fix = "fix script applied, compared with the source"
                        + (withheld == 0
                                ? ""
                                : " (" + withheld
                                        + " data-losing change(s) written commented out: --allow-destructive runs them)");
                steps.add(step(
                        "fix",
                        fix,
                        scratch,
                        rename.apply(fixScript),
                        () -> DiffUseCase.run(
                                source, scratch, request(report, report.sourceSchemas(), scratchSchemas))));
            }
            if (steps.get(steps.size() - 1).passed()) {
                long notUndone = report.script().changes().stream()
                        .filter(c -> c.rollbackManual() != null)
                        .count();
                String rollback = "rollback applied, compared with the target";
                steps.add(step("rollback", rollback, scratch, rename.apply(rollbackScript), likeTarget));
                ProofReport.Step last = steps.get(steps.size() - 1);
                if (!last.passed() && notUndone > 0) {
                    steps.set(
                            steps.size() - 1,
                            new ProofReport.Step(
                                    last.name(),
                                    false,
                                    last.detail() + " (the rollback lists " + notUndone
                                            + (notUndone == 1 ? " change" : " changes") + " it cannot undo)",
                                    last.differences()));
                }
            }
        } finally {
            steps.add(drop(server.admin(), name));
        }
        return new ProofReport(name, steps);
    }

    /** Privileges are proved when the diff compared them ({@code --privileges}). */
    private static DiffRequest request(DiffReport report, List<String> sourceSchemas, List<String> targetSchemas) {
        boolean privileges = report.result().coverage().compared().contains(io.migrescue.diff.ObjectKind.PRIVILEGES);
        return new DiffRequest(
                sourceSchemas, targetSchemas, new DiffOptions(false, false, privileges), CountMode.NONE, true);
    }

    /** Applies a script on the scratch database, then compares: the step passes if every statement ran and nothing differs. */
    private static ProofReport.Step step(
            String name, String what, DatabaseSession scratch, String script, Supplier<DiffReport> compare) {
        String failed = apply(scratch, script);
        if (failed != null) {
            return new ProofReport.Step(name, false, failed, List.of());
        }
        List<Difference> left = compare.get().result().schemaDifferences();
        String detail = what + ": "
                + (left.isEmpty()
                        ? "no differences"
                        : left.size() + (left.size() == 1 ? " difference" : " differences"));
        return new ProofReport.Step(
                name,
                left.isEmpty(),
                detail,
                left.stream().map(ProveUseCase::line).toList());
    }

    /** Runs a script statement by statement as the engine's client would; null when all ran, else what failed. */
    private static String apply(DatabaseSession scratch, String script) {
        try (Statement st = scratch.connection().createStatement()) {
            for (SqlStatement s : StatementSplitter.split(script, scratch.engine())) {
                try {
                    st.execute(s.sql());
                } catch (SQLException e) {
                    if (scratch.engine() == Engine.POSTGRESQL) {
                        quietly(st, "ROLLBACK");
                    }
                    return "statement " + s.number() + " (line " + s.line() + ") failed: " + firstLine(e.getMessage());
                }
            }
            return null;
        } catch (SQLException e) {
            return "cannot run the script: " + firstLine(e.getMessage());
        }
    }

    private static void create(DatabaseSession admin, String name) {
        try (Statement st = admin.connection().createStatement()) {
            st.execute("CREATE DATABASE " + admin.dialect().quote(name));
        } catch (SQLException e) {
            throw MigrescueException.connection(
                    "--prove: cannot create the scratch database " + name + " on "
                            + admin.info().url() + ": " + firstLine(e.getMessage())
                            + " (--prove-on URL names a server where you may)",
                    e);
        }
    }

    /** Always runs, also after a failure; PostgreSQL 13+ ends a session the scratch database may still have. */
    private static ProofReport.Step drop(DatabaseSession admin, String name) {
        String quoted = admin.dialect().quote(name);
        try (Statement st = admin.connection().createStatement()) {
            if (admin.engine() == Engine.POSTGRESQL) {
                try {
                    st.execute("DROP DATABASE IF EXISTS " + quoted + " WITH (FORCE)");
                } catch (SQLException olderServer) {
                    st.execute("DROP DATABASE IF EXISTS " + quoted);
                }
            } else {
                st.execute("DROP DATABASE IF EXISTS " + quoted);
            }
            return new ProofReport.Step("cleanup", true, "scratch database " + name + " dropped", List.of());
        } catch (SQLException e) {
            return new ProofReport.Step(
                    "cleanup",
                    false,
                    "could not drop the scratch database " + name + ": " + firstLine(e.getMessage())
                            + "; drop it by hand",
                    List.of());
        }
    }

    private static void quietly(Statement st, String sql) {
        try {
            st.execute(sql);
        } catch (SQLException ignored) {
            // not in a transaction: nothing to roll back
        }
    }

    /** {@code KIND object (missing in target)} or {@code KIND object: source | target}. */
    static String line(Difference d) {
        String head = d.kind().name() + " " + d.object();
        return d.missingIn() != null
                ? head + " (missing in " + d.missingIn().id() + ")"
                : head + ": " + d.source() + " | " + d.target();
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
