package io.migrescue.cli;

import io.migrescue.db.ConnectionTarget;
import io.migrescue.db.ConnectionUrls;
import io.migrescue.db.Connector;
import io.migrescue.db.DatabaseSession;
import io.migrescue.db.PasswordSource;
import io.migrescue.failure.MigrescueException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The connection options of cli.md, shared by every command that touches a database. */
public final class ConnectionOptions implements ContextFactory.NeedsContext {
    @Option(
            names = "--url",
            paramLabel = "URL",
            description = {
                "Database URL: jdbc:postgresql://, jdbc:mysql://, jdbc:mariadb://, or as pasted from a platform: "
                        + "postgresql://user:pass@host:5432/db, postgres://…, mysql://…, mariadb://… (default: the "
                        + "MIGRESCUE_URL variable)"
            })
    String url;

    @Option(
            names = {"-u", "--user"},
            paramLabel = "NAME",
            description = "User (overrides one in the URL).")
    String user;

    @Option(
            names = "--password-env",
            paramLabel = "VAR",
            description = {
                "Read the password from this variable. Without it (and without --password-file or a password in "
                        + "the URL) MIGRESCUE_PASSWORD is read, then PGPASSWORD (PostgreSQL) or MYSQL_PWD (MySQL, MariaDB)."
            })
    String passwordEnv;

    @Option(
            names = "--password-file",
            paramLabel = "FILE",
            description = "Read the password from this file (a final newline is dropped).")
    Path passwordFile;

    @Option(
            names = "--schema",
            paramLabel = "NAME",
            description = {
                "PostgreSQL schema or MySQL/MariaDB database in scope; repeatable (default: the connection's current one)."
            })
    List<String> schemas = new ArrayList<>();

    @Option(
            names = "--project",
            paramLabel = "DIR",
            description = {
                "Read the connection (and the migrations folder) from the project's own configuration: Laravel "
                        + ".env, Prisma .env + prisma/migrations, flyway.conf / flyway.toml, drizzle.config.*, knexfile.*, "
                        + "Rails config/database.yml."
            })
    Path project;

    private CliContext context;
    private io.migrescue.project.ProjectSettings projectSettings;

    @Override
    public void setContext(CliContext context) {
        this.context = context;
    }

    /** The environment the command runs in (the process's; a test's own in-process run). */
    java.util.Map<String, String> environment() {
        return context == null ? System.getenv() : context.environment();
    }

    public List<String> schemas() {
        if (schemas.isEmpty() && fromSession()) {
            return context.session().schemas();
        }
        return schemas;
    }

    /** In the shell, connected, and no other database named on this command line: the session's connection is used. */
    private boolean fromSession() {
        return context != null
                && context.session() != null
                && context.session().connected()
                && url == null
                && project == null;
    }

    /** Parses the URL, resolves the password and opens the connection: one line and exit 2 or 3 on failure. */
    public DatabaseSession open() {
        Resolved r = resolve(null);
        return Connector.open(r.target(), r.user(), r.password());
    }

    /** Where to connect, as whom, with which password; {@code fallbackUrl} when neither --url nor MIGRESCUE_URL is set. */
    Resolved resolve(String fallbackUrl) {
        if (fromSession()) {
            ShellSession session = context.session();
            String password = passwordFile != null || passwordEnv != null
                    ? new PasswordSource(context.environment())
                            .resolve(session.target().engineHint(), passwordFile, passwordEnv, null)
                            .orElse(null)
                    : session.password();
            return new Resolved(session.target(), user != null ? user : session.user(), password);
        }
        return resolveGiven(fallbackUrl);
    }

    /** As the options and the environment say, whatever the shell's session holds ({@code connect} itself). */
    Resolved resolveGiven(String fallbackUrl) {
        io.migrescue.project.ProjectSettings settings = projectSettings();
        String effectiveUrl = url != null
                ? url
                : context.environment().getOrDefault("MIGRESCUE_URL", settings != null ? settings.url() : fallbackUrl);
        if (effectiveUrl == null) {
            throw MigrescueException.usage(
                    "no database given: use --url (e.g. --url postgresql://app@db:5432/app) or --project DIR");
        }
        ConnectionTarget target = ConnectionUrls.parse(effectiveUrl);
        // A password from the project's configuration counts like one written in the URL.
        String configured = target.urlPassword() != null
                ? target.urlPassword()
                : settings == null || url != null ? null : settings.password();
        String password = new PasswordSource(context.environment())
                .resolve(target.engineHint(), passwordFile, passwordEnv, configured)
                .orElse(null);
        String effectiveUser = user != null
                ? user
                : target.user() != null ? target.user() : settings == null || url != null ? null : settings.user();
        return new Resolved(target, effectiveUser, password);
    }

    /**
     * A second database (a reference such as development): credentials in its URL, or its password in
     * {@code passwordVariable}; registered as a secret like every other.
     */
    DatabaseSession openOther(String otherUrl, String passwordVariable) {
        ConnectionTarget target = ConnectionUrls.parse(otherUrl);
        String password = target.urlPassword() != null
                ? target.urlPassword()
                : context.environment().get(passwordVariable);
        io.migrescue.db.Redaction.register(password);
        return Connector.open(target, target.user(), password);
    }

    /** The project's configuration when --project was given, read once; its password is registered as a secret. */
    io.migrescue.project.ProjectSettings projectSettings() {
        if (project != null && projectSettings == null) {
            projectSettings = io.migrescue.project.ProjectConfig.read(project, context.environment());
            io.migrescue.db.Redaction.register(projectSettings.password());
            io.migrescue.db.Redaction.register(
                    ConnectionUrls.parse(projectSettings.url()).urlPassword());
        }
        return projectSettings;
    }

    /** {@code --migrations} when given, else the project's migrations folder, else null. */
    Path migrations(Path given) {
        ShellSession session = context == null ? null : context.session();
        if (given != null) {
            if (session != null) {
                session.migrations(given); // remembered for the next diagnose, plan and repair
            }
            return given;
        }
        if (session != null && session.migrations() != null && project == null) {
            return session.migrations();
        }
        io.migrescue.project.ProjectSettings settings = projectSettings();
        return settings == null
                        || settings.migrations() == null
                        || !java.nio.file.Files.isDirectory(settings.migrations())
                ? null
                : settings.migrations();
    }

    boolean urlGiven() {
        return url != null || context.environment().get("MIGRESCUE_URL") != null;
    }

    record Resolved(ConnectionTarget target, String user, String password) {}
}
