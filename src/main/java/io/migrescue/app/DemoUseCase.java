package io.migrescue.app;

import io.migrescue.db.ConnectionTarget;
import io.migrescue.db.Connector;
import io.migrescue.db.DatabaseSession;
import io.migrescue.failure.MigrescueException;
import io.migrescue.model.Engine;
import io.migrescue.repair.RepairReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * {@code demo}: a scratch database broken for real by Flyway, then diagnosed and repaired in a dry run, so a
 * newcomer sees the whole tool on a database that does not matter.
 */
public final class DemoUseCase {
    public static final String PREFIX = "migrescue_demo_";

    private DemoUseCase() {}

    /**
     * @param url        the server's URL as given, for the commands shown afterwards (credentials stripped)
     * @param errorText  what Flyway said when V2 failed
     */
    public record Result(
            Engine engine,
            String database,
            String url,
            Path migrations,
            Path errorFile,
            String errorText,
            DiagnosisReport diagnosis,
            RepairReport plan) {}

    public static Result run(ConnectionTarget server, String user, String password, Path workRoot) {
        String database =
                PREFIX + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
        Engine engine;
        try (DatabaseSession admin = Connector.open(server, user, password)) {
            engine = admin.engine();
            try (Statement st = admin.connection().createStatement()) {
                st.execute("CREATE DATABASE " + admin.dialect().quote(database));
            }
        } catch (SQLException e) {
            throw MigrescueException.connection(
                    "cannot create the demo database " + database + ": " + e.getMessage(), e);
        }
        ConnectionTarget target = new ConnectionTarget(
                server.engineHint(),
                server.jdbcUrl().substring(0, server.jdbcUrl().lastIndexOf('/') + 1) + database,
                server.host(),
                server.port(),
                database,
                user,
                password,
                server.properties());
        Path work = workRoot.resolve(database);
        Path migrations = work.resolve("migrations");
        String errorText = breakIt(engine, target, user, password, migrations);
        Path errorFile = work.resolve("deploy-error.txt");
        write(errorFile, errorText);
        try (DatabaseSession session = Connector.open(target, user, password)) {
            DiagnoseUseCase.Request diagnose = new DiagnoseUseCase.Request(List.of(), errorText, migrations, null);
            DiagnosisReport diagnosis = DiagnoseUseCase.run(session, diagnose);
            Map<String, String> params = engine == Engine.POSTGRESQL ? Map.of("policy", "set-null") : Map.of();
            RepairReport plan = RepairUseCase.run(
                    session,
                    new RepairUseCase.Request(
                            diagnose, null, params, true, false, false, work.resolve("backup"), null, null),
                    io.migrescue.backup.Progress.NONE);
            return new Result(engine, database, target.jdbcUrl(), migrations, errorFile, errorText, diagnosis, plan);
        }
    }

    /** Drops a database the demo made (and nothing else: the name must carry the demo's prefix). */
    /**
     * Drops a database an earlier demo made.
     *
     * @return what was done, for the person: "dropped …", or that there was no such database on this server (which
     *         one, so a drop aimed at the wrong engine says so); exit 1 for the latter
     */
    public static DropResult drop(ConnectionTarget server, String user, String password, String database) {
        if (!database.startsWith(PREFIX)) {
            throw MigrescueException.usage("--drop only drops databases the demo made (" + PREFIX + "…)");
        }
        try (DatabaseSession admin = Connector.open(server, user, password)) {
            String where = admin.engine().displayName() + " at " + server.host() + ":" + server.port();
            if (!exists(admin, database)) {
                return new DropResult(
                        false,
                        "no database " + database + " on " + where + ": nothing dropped"
                                + " (was the demo run against another server? give its --url)");
            }
            try (Statement st = admin.connection().createStatement()) {
                st.execute("DROP DATABASE " + admin.dialect().quote(database)
                        + (admin.engine() == Engine.POSTGRESQL ? " WITH (FORCE)" : ""));
            }
            return new DropResult(true, "dropped " + database + " on " + where);
        } catch (SQLException e) {
            throw MigrescueException.connection("cannot drop " + database + ": " + e.getMessage(), e);
        }
    }

    /** @param dropped whether a database was dropped; {@code message} says which, where */
    public record DropResult(boolean dropped, String message) {}

    private static boolean exists(DatabaseSession admin, String database) throws SQLException {
        String sql = admin.engine() == Engine.POSTGRESQL
                ? "SELECT 1 FROM pg_database WHERE datname = ?"
                : "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?";
        try (java.sql.PreparedStatement st = admin.connection().prepareStatement(sql)) {
            st.setString(1, database);
            try (java.sql.ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Real Flyway runs V1 and V2; V2 fails the way the field report did. */
    private static String breakIt(
            Engine engine, ConnectionTarget target, String user, String password, Path migrations) {
        DemoScenario.scripts(engine).forEach((name, sql) -> write(migrations.resolve(name), sql));
        Flyway flyway = Flyway.configure()
                .dataSource(target.jdbcUrl(), user, password)
                .locations("filesystem:" + migrations.toAbsolutePath())
                .cleanDisabled(true)
                .load();
        try {
            flyway.migrate();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        throw new IllegalStateException("the demo's V2 was expected to fail");
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw MigrescueException.usage("cannot write " + file + ": " + e.getMessage());
        }
    }
}
