package io.migrescue.app;

import io.migrescue.model.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's migrations (shared with the tests): on MySQL/MariaDB field report 05 (a table renamed aside keeps its
 * foreign key names, the new table cannot take them: errno 121); on PostgreSQL a foreign key added over orphan rows.
 */
public final class DemoScenario {
    private static final Map<Engine, List<String>> FILES = Map.of(
            Engine.MARIADB, List.of("V1__create_users_and_skp.sql", "V2__total_refactor_skp_system.sql"),
            Engine.POSTGRESQL, List.of("V1__users_and_orders.sql", "V2__orders_user_fk.sql"));

    private DemoScenario() {}

    /** File name → SQL, in order. MySQL uses the MariaDB scenario. */
    public static Map<String, String> scripts(Engine engine) {
        String folder = engine == Engine.POSTGRESQL ? "postgresql" : "mariadb";
        Map<String, String> scripts = new LinkedHashMap<>();
        for (String name : FILES.get(engine == Engine.POSTGRESQL ? Engine.POSTGRESQL : Engine.MARIADB)) {
            try (InputStream in = DemoScenario.class.getResourceAsStream("/io/migrescue/demo/" + folder + "/" + name)) {
                scripts.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return scripts;
    }
}
