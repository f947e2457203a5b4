package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.TestServers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The newcomer's command: a database broken for real, diagnosed, repaired in a dry run; then dropped. */
class DemoCommandIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void demoBreaksDiagnosesAndPlans(Engine engine, @TempDir Path dir) {
        var server = TestServers.get(engine);
        String url = server.urlFor(engine == Engine.POSTGRESQL ? server.adminDb() : "");
        Map<String, String> env =
                server.password() == null ? Map.of() : Map.of("MIGRESCUE_PASSWORD", server.password());
        CliRun run = CliRun.run(env, List.of("demo", "--url", url, "-u", server.user(), "--dir", dir.toString()));
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out())
                .contains("== 1. A deploy fails")
                .contains("== 2. migrescue diagnose")
                .contains("Nothing was changed");
        if (engine == Engine.POSTGRESQL) {
            assertThat(run.out())
                    .contains("FK_ORPHAN_ROWS")
                    .contains("fix-orphan-rows")
                    .contains("NOT VALID");
        } else {
            assertThat(run.out())
                    .contains("errno: 121")
                    .contains("held by table skp_tahunan_backup_v1")
                    .contains("rename-conflicting-constraint")
                    .contains("statement map above");
        }
        Matcher m = Pattern.compile("demo --drop (migrescue_demo_\\w+)").matcher(run.out());
        assertThat(m.find()).isTrue();
        CliRun drop = CliRun.run(env, List.of("demo", "--drop", m.group(1), "--url", url, "-u", server.user()));
        assertThat(drop.exitCode()).as(drop.all()).isZero();
        assertThat(drop.out()).startsWith("dropped " + m.group(1) + " on " + engine.displayName());
        CliRun again = CliRun.run(env, List.of("demo", "--drop", m.group(1), "--url", url, "-u", server.user()));
        assertThat(again.exitCode()).as("nothing left to drop is not success").isEqualTo(1);
        assertThat(again.out())
                .startsWith("no database " + m.group(1) + " on " + engine.displayName())
                .contains("nothing dropped");
        assertThat(CliRun.run(env, List.of("demo", "--drop", "production", "--url", url, "-u", server.user()))
                        .exitCode())
                .isEqualTo(2);
    }
}
