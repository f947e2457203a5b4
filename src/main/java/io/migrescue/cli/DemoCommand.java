package io.migrescue.cli;

import io.migrescue.app.DemoUseCase;
import io.migrescue.failure.MigrescueException;
import io.migrescue.report.DiagnosisRenderer;
import io.migrescue.report.OutputFormat;
import io.migrescue.report.RepairRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "See migrescue work on a database that does not matter: make a scratch database, break it with "
                    + "real Flyway the way a real incident did (errno 121 on MariaDB; orphan rows on PostgreSQL), then "
                    + "diagnose it and show the repair as a dry run. Uses the local MariaDB (root@127.0.0.1:3306) "
                    + "unless --url names a server.",
            ""
        },
        footer = {
            "",
            "Example: migrescue demo        migrescue demo --url postgresql://postgres@127.0.0.1:5432/postgres"
        })
final class DemoCommand implements Callable<Integer> {
    static final String LOCAL_MARIADB = "mariadb://root@127.0.0.1:3306/";

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "Where the demo's migrations and error text go (default: ./migrescue-demo).")
    Path dir = Path.of("migrescue-demo");

    @Option(names = "--drop", paramLabel = "DATABASE", description = "Drop a database an earlier demo made, and stop.")
    String drop;

    @Override
    public Integer call() {
        ConnectionOptions.Resolved server = connection.resolve(LOCAL_MARIADB);
        PrintWriter out = spec.commandLine().getOut();
        if (drop != null) {
            DemoUseCase.DropResult result = DemoUseCase.drop(server.target(), server.user(), server.password(), drop);
            out.println(result.message());
            out.flush();
            return result.dropped() ? 0 : io.migrescue.failure.ExitCode.ATTENTION.code();
        }
        if (!connection.schemas().isEmpty()) {
            throw MigrescueException.usage("demo makes its own database: --schema does not apply");
        }
        DemoUseCase.Result r = DemoUseCase.run(server.target(), server.user(), server.password(), dir);
        String url = r.url() + (server.user() == null ? "" : " -u " + server.user());
        out.println("== 1. A deploy fails =====================================================");
        out.println("Database " + r.database() + " on " + r.engine().displayName() + "; real Flyway ran "
                + r.migrations() + " and V2 failed:");
        r.errorText().lines().filter(l -> !l.isBlank()).limit(12).forEach(l -> out.println("  | " + l));
        out.println();
        out.println("== 2. migrescue diagnose ==================================================");
        out.println("$ migrescue diagnose --url " + url + " --error-file " + r.errorFile() + " --migrations "
                + r.migrations());
        out.println();
        out.print(DiagnosisRenderer.render(r.diagnosis(), OutputFormat.text));
        out.println();
        out.println("== 3. migrescue repair --dry-run ==========================================");
        out.println(
                "$ migrescue repair --url " + url + " --error-file " + r.errorFile() + " --migrations " + r.migrations()
                        + (r.engine() == io.migrescue.model.Engine.POSTGRESQL ? " --param policy=set-null" : "")
                        + " --dry-run");
        out.println();
        out.print(RepairRenderer.render(r.plan(), OutputFormat.text));
        out.println();
        out.println("== Next ===================================================================");
        out.println("Run the repair for real (it backs up first, journals every step, and verifies):");
        out.println("  migrescue repair --url " + url + " --error-file " + r.errorFile() + " --migrations "
                + r.migrations()
                + (r.engine() == io.migrescue.model.Engine.POSTGRESQL ? " --param policy=set-null" : "") + " --yes");
        out.println("Drop the demo database afterwards:");
        out.println("  migrescue demo --drop " + r.database() + (connection.urlGiven() ? " --url …" : ""));
        out.flush();
        return 0;
    }
}
