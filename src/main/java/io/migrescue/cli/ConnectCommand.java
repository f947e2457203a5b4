package io.migrescue.cli;

import io.migrescue.db.ConnectionTarget;
import io.migrescue.db.Connector;
import io.migrescue.db.DatabaseSession;
import io.migrescue.db.Redaction;
import io.migrescue.failure.ExitCode;
import io.migrescue.failure.MigrescueException;
import io.migrescue.model.DatabaseInfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The shell's {@code connect}: checks the connection once and remembers it, so that every later command uses it
 * without the options being typed again. A password not given by the usual sources is asked for without echo; it is
 * kept in memory only.
 */
@Command(
        name = "connect",
        mixinStandardHelpOptions = true,
        description = {
            "Connect the shell to a database: every later command uses it (and its --schema and --migrations) "
                    + "unless the command names another. The password, when the URL, --password-env, --password-file, "
                    + "MIGRESCUE_PASSWORD, PGPASSWORD or MYSQL_PWD do not give it, is asked for without echo; it is "
                    + "never shown and never written to the shell's history.",
            ""
        },
        footer = {"", "Example: connect mariadb://app@db.internal:3306/shop --migrations db/migration"})
final class ConnectCommand extends ContextAware implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "URL", description = "The database URL (the same forms as --url).")
    String urlArgument;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    MigrationsOption migrations; // remembered for diagnose, plan and repair

    @Override
    public Integer call() {
        ShellSession session = context.session();
        if (session == null) {
            throw MigrescueException.usage(
                    "connect belongs to the shell (migrescue shell); on the command line give --url to each command");
        }
        if (urlArgument != null) {
            if (connection.url != null) {
                throw MigrescueException.usage("give the URL once: as the argument or with --url");
            }
            connection.url = urlArgument;
        }
        if (connection.url == null
                && connection.project == null
                && context.environment().get("MIGRESCUE_URL") == null) {
            throw MigrescueException.usage(
                    "connect to what? e.g. connect mariadb://app@db:3306/shop (or --project DIR)");
        }
        ConnectionOptions.Resolved r = connection.resolveGiven(null);
        String password = r.password();
        if (password == null && context.interaction() != null) {
            password = context.interaction().secret("Password for " + who(r) + " (Enter for none): ");
            if (password == null) {
                throw new MigrescueException(
                        ExitCode.USAGE,
                        "connect cancelled; still "
                                + (session.connected() ? "connected to " + session.label() : "not connected"));
            }
            password = password.isEmpty() ? null : password;
            Redaction.register(password);
        }
        DatabaseInfo info;
        java.util.List<String> tables;
        java.util.List<String> constraints;
        try (DatabaseSession db = Connector.open(r.target(), r.user(), password)) {
            info = db.info();
            tables = io.migrescue.app.TableNames.of(db, connection.schemas);
            constraints = io.migrescue.app.TableNames.constraints(db, connection.schemas);
        }
        String label = info.engine().name().toLowerCase(java.util.Locale.ROOT) + " " + who(r);
        session.connect(r.target(), r.user(), password, connection.schemas, connection.project, label, tables);
        session.names(tables, constraints);
        Path folder = migrations.resolve(connection);
        if (folder != null) {
            session.migrations(folder);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Connected to " + info.engine().displayName() + " " + info.version() + " at " + info.url()
                + (info.user() == null ? "" : " as " + info.user())
                + (info.schema() == null
                        ? ""
                        : "; in scope: "
                                + String.join(
                                        ", ",
                                        connection.schemas.isEmpty()
                                                ? java.util.List.of(info.schema())
                                                : connection.schemas)));
        if (session.migrations() != null) {
            out.println("Migrations: " + session.migrations());
        }
        out.println("Next: status, or diagnose (paste the error output when asked).");
        out.flush();
        return ExitCode.OK.code();
    }

    private static String who(ConnectionOptions.Resolved r) {
        ConnectionTarget t = r.target();
        return (r.user() == null ? "" : r.user() + "@")
                + t.host()
                + (t.port() > 0 ? ":" + t.port() : "")
                + (t.database() == null ? "" : "/" + t.database());
    }
}
