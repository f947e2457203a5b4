package io.migrescue.cli;

import io.migrescue.db.ConnectionTarget;
import io.migrescue.db.ConnectionUrls;
import io.migrescue.db.Connector;
import io.migrescue.db.DatabaseSession;
import io.migrescue.db.PasswordSource;
import io.migrescue.failure.MigrescueException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Option;

/**
 * The two connections of {@code diff}. Each side has its URL, user and password options; a password is found, for
 * each side on its own, in this order: {@code --source-password-file} / {@code --source-password-env}, a password in
 * that side's URL, the shared {@code --password-file} / {@code --password-env}, {@code MIGRESCUE_SOURCE_PASSWORD}
 * (or {@code _TARGET_}), then {@code MIGRESCUE_PASSWORD} and the engine's own variable as every command reads them.
 */
public final class DiffConnections implements ContextFactory.NeedsContext {
    @Option(
            names = "--source",
            paramLabel = "URL",
            description = "The reference database (any URL form "
                    + "of --url: jdbc:…, postgresql://…, mysql://…, mariadb://…).")
    String sourceUrl;

    @Option(
            names = "--target",
            paramLabel = "URL",
            description = "The database to compare with it: the "
                    + "one the --format sql script changes (in the shell, once connected: the connected database).")
    String targetUrl;

    @Option(
            names = "--source-user",
            paramLabel = "NAME",
            description = "User for the source (overrides one in its URL).")
    String sourceUser;

    @Option(
            names = "--target-user",
            paramLabel = "NAME",
            description = "User for the target (overrides one in its URL).")
    String targetUser;

    @Option(
            names = {"-u", "--user"},
            paramLabel = "NAME",
            description = "User for both sides (overrides one in a URL), "
                    + "unless a side has its own --source-user or --target-user.")
    String user;

    @Option(
            names = "--source-password-env",
            paramLabel = "VAR",
            description = "Read the source's password from this variable.")
    String sourcePasswordEnv;

    @Option(
            names = "--target-password-env",
            paramLabel = "VAR",
            description = "Read the target's password from this variable.")
    String targetPasswordEnv;

    @Option(
            names = "--source-password-file",
            paramLabel = "FILE",
            description = "Read the source's password from this file.")
    Path sourcePasswordFile;

    @Option(
            names = "--target-password-file",
            paramLabel = "FILE",
            description = "Read the target's password from this file.")
    Path targetPasswordFile;

    @Option(
            names = "--password-env",
            paramLabel = "VAR",
            description = "Password for a side that has none of its own (no "
                    + "--source-/--target-password-*, none in its URL). Then MIGRESCUE_SOURCE_PASSWORD / MIGRESCUE_TARGET_PASSWORD, "
                    + "MIGRESCUE_PASSWORD, PGPASSWORD or MYSQL_PWD are read.")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Like --password-env, from a file.")
    Path passwordFile;

    private CliContext context;

    @Override
    public void setContext(CliContext context) {
        this.context = context;
    }

    /** The two open sessions; closing closes both. */
    record Sessions(DatabaseSession source, DatabaseSession target) implements AutoCloseable {
        @Override
        public void close() {
            try (target) {
                source.close();
            }
        }
    }

    /**
     * Opens both at once: each connection is a few round trips and the first loads its driver, so the slower one sets
     * the pace. A failure is the source's if both fail, as if they had been opened one after the other.
     */
    Sessions open() {
        if (sourceUrl == null) {
            throw MigrescueException.usage("missing --source URL: the database to compare with");
        }
        if (targetUrl == null && !fromSession()) {
            throw MigrescueException.usage("missing --target URL: the database to compare"
                    + (context.session() != null ? " (or connect first: the connected database is the target)" : ""));
        }
        CompletableFuture<DatabaseSession> target = CompletableFuture.supplyAsync(this::openTarget);
        DatabaseSession source;
        try {
            source = openSource();
        } catch (RuntimeException e) {
            target.thenAccept(DatabaseSession::close);
            throw e;
        }
        try {
            return new Sessions(source, target.join());
        } catch (CompletionException e) {
            source.close();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    DatabaseSession openSource() {
        return open(
                "source", sourceUrl, sourceUser, sourcePasswordFile, sourcePasswordEnv, "MIGRESCUE_SOURCE_PASSWORD");
    }

    DatabaseSession openTarget() {
        if (targetUrl == null && fromSession()) {
            ShellSession session = context.session();
            try {
                return Connector.open(
                        session.target(),
                        targetUser != null ? targetUser : user != null ? user : session.user(),
                        session.password());
            } catch (MigrescueException e) {
                throw new MigrescueException(e.exitCode(), "target: " + e.getMessage(), e.getCause());
            }
        }
        return open(
                "target", targetUrl, targetUser, targetPasswordFile, targetPasswordEnv, "MIGRESCUE_TARGET_PASSWORD");
    }

    /** In the shell, connected: the connected database is the target unless --target names another. */
    private boolean fromSession() {
        return context != null && context.session() != null && context.session().connected();
    }

    /** Failures say which side they are about: "source: cannot connect to …" (exit 2 or 3 as for every command). */
    private DatabaseSession open(
            String side, String url, String sideUser, Path ownFile, String ownEnv, String sideVariable) {
        Login login = login(side, url, sideUser, ownFile, ownEnv, sideVariable);
        try {
            return Connector.open(login.target(), login.user(), login.password());
        } catch (MigrescueException e) {
            throw new MigrescueException(e.exitCode(), side + ": " + e.getMessage(), e.getCause());
        }
    }

    /** Where to connect and as whom (the password never shown). */
    record Login(ConnectionTarget target, String user, String password) {}

    /** The target's server and credentials: where {@code --prove} makes its scratch database. */
    Login targetLogin() {
        if (targetUrl == null && fromSession()) {
            ShellSession session = context.session();
            return new Login(
                    session.target(),
                    targetUser != null ? targetUser : user != null ? user : session.user(),
                    session.password());
        }
        return login(
                "target", targetUrl, targetUser, targetPasswordFile, targetPasswordEnv, "MIGRESCUE_TARGET_PASSWORD");
    }

    private Login login(String side, String url, String sideUser, Path ownFile, String ownEnv, String sideVariable) {
        try {
            ConnectionTarget target = ConnectionUrls.parse(url);
            Path file = ownFile;
            String env = ownEnv;
            if (file == null && env == null && target.urlPassword() == null) {
                file = passwordFile;
                env = passwordEnv;
                if (file == null && env == null && context.environment().containsKey(sideVariable)) {
                    env = sideVariable;
                }
            }
            String password = new PasswordSource(context.environment())
                    .resolve(target.engineHint(), file, env, target.urlPassword())
                    .orElse(null);
            return new Login(target, sideUser != null ? sideUser : user != null ? user : target.user(), password);
        } catch (MigrescueException e) {
            throw new MigrescueException(e.exitCode(), side + ": " + e.getMessage(), e.getCause());
        }
    }
}
