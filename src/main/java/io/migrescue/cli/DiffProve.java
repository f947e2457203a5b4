package io.migrescue.cli;

import io.migrescue.app.DiffReport;
import io.migrescue.app.prove.ProofReport;
import io.migrescue.app.prove.ProveUseCase;
import io.migrescue.db.ConnectionTarget;
import io.migrescue.db.ConnectionUrls;
import io.migrescue.db.Connector;
import io.migrescue.db.DatabaseSession;
import io.migrescue.failure.MigrescueException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code diff --prove}: the options, and where the scratch database is made. */
final class DiffProve {
    @Option(
            names = "--prove",
            description = "Prove the fix script: build an empty scratch database on the target's server "
                    + "with the target's schema, run the fix script on it and compare with the source, run the rollback and compare "
                    + "with the target, then drop it. Exit 1 if either comparison is not empty.")
    boolean prove;

    @Option(
            names = "--prove-on",
            paramLabel = "URL",
            description = "Make the scratch database of --prove on this server "
                    + "instead (the target's user and password unless the URL names its own). Implies --prove.")
    String proveOn;

    @Option(
            names = "--prove-script",
            paramLabel = "FILE",
            description = "Prove this fix script (say, the one written "
                    + "earlier and edited) instead of the one diff writes now. Implies --prove.")
    Path proveScript;

    boolean requested() {
        return prove || proveOn != null || proveScript != null;
    }

    /** The fix script to prove: {@code --prove-script}'s, or the one just written. */
    String fixScript(String written) {
        if (proveScript == null) {
            return written;
        }
        try {
            return Files.readString(proveScript, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw MigrescueException.usage("--prove-script " + proveScript + ": cannot read it ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    ProofReport run(
            DiffConnections connections,
            DatabaseSession source,
            DatabaseSession target,
            DiffReport report,
            String fix,
            String rollback) {
        DiffConnections.Login login = connections.targetLogin();
        if (proveOn == null) {
            return ProveUseCase.run(
                    source,
                    target,
                    new ProveUseCase.ScratchServer(
                            target,
                            db -> Connector.open(onDatabase(login.target(), db), login.user(), login.password())),
                    report,
                    fix,
                    rollback);
        }
        ConnectionTarget server = ConnectionUrls.parse(proveOn);
        String user = server.user() != null ? server.user() : login.user();
        String password = server.urlPassword() != null ? server.urlPassword() : login.password();
        DatabaseSession admin;
        try {
            admin = Connector.open(server, user, password);
        } catch (MigrescueException e) {
            throw new MigrescueException(e.exitCode(), "--prove-on: " + e.getMessage(), e.getCause());
        }
        try (admin) {
            return ProveUseCase.run(
                    source,
                    target,
                    new ProveUseCase.ScratchServer(admin, db -> Connector.open(onDatabase(server, db), user, password)),
                    report,
                    fix,
                    rollback);
        }
    }

    /** The same server and driver properties, another database. */
    static ConnectionTarget onDatabase(ConnectionTarget t, String database) {
        String url = t.jdbcUrl();
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        int slash = base.indexOf('/', base.indexOf("//") + 2);
        String server = slash < 0 ? base : base.substring(0, slash);
        return new ConnectionTarget(
                t.engineHint(),
                server + "/" + database + (query < 0 ? "" : url.substring(query)),
                t.host(),
                t.port(),
                database,
                t.user(),
                t.urlPassword(),
                t.properties());
    }
}
