package io.migrescue.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrescue.sql.SqlStatement;
import io.migrescue.sql.StatementSplitter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Builds databases for {@code diff} tests from SQL resources, runs {@code diff} on a pair, reads its answer. */
public final class DiffPairs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DiffPairs() {}

    /** Runs a resource of {@code io/migrescue/diff/}, with {@code ${name}} replaced by {@code vars}. */
    public static void load(ScratchDatabase db, String resource, Map<String, String> vars) {
        String sql = resource(resource);
        for (Map.Entry<String, String> v : vars.entrySet()) {
            sql = sql.replace("${" + v.getKey() + "}", v.getValue());
        }
        run(db, sql);
    }

    public static void load(ScratchDatabase db, String resource) {
        load(db, resource, Map.of());
    }

    /** Runs a script statement by statement as the engine's own client would split it (a fix script, say). */
    public static void run(ScratchDatabase db, String script) {
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            for (SqlStatement s : StatementSplitter.split(script, db.engine())) {
                try {
                    st.execute(s.sql());
                } catch (SQLException e) {
                    throw new AssertionError(
                            "statement " + s.number() + " failed: " + e.getMessage() + "\n" + s.sql(), e);
                }
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code migrescue diff --source … --target …} with each side's user, then {@code extra}. */
    public static CliRun diff(ScratchDatabase source, ScratchDatabase target, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "diff",
                "--source",
                source.jdbcUrl(),
                "--source-user",
                source.server().user(),
                "--target",
                target.jdbcUrl(),
                "--target-user",
                target.server().user()));
        args.addAll(List.of(extra));
        Map<String, String> env = new HashMap<>();
        if (source.server().password() != null) {
            env.put("MIGRESCUE_SOURCE_PASSWORD", source.server().password());
        }
        if (target.server().password() != null) {
            env.put("MIGRESCUE_TARGET_PASSWORD", target.server().password());
        }
        return CliRun.run(env, args);
    }

    public static JsonNode json(CliRun run) {
        try {
            return JSON.readTree(run.out());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + run.all(), e);
        }
    }

    /**
     * The differences of a {@code --format json} run, one line each: {@code KIND object (missing in target)} or
     * {@code KIND object: source | target}.
     */
    public static Set<String> differences(CliRun run) {
        Set<String> lines = new TreeSet<>();
        for (JsonNode d : json(run).get("differences")) {
            String head = d.get("kind").asText() + " " + d.get("object").asText();
            lines.add(
                    d.has("missingIn")
                            ? head + " (missing in " + d.get("missingIn").asText() + ")"
                            : head + ": " + text(d.get("source")) + " | " + text(d.get("target")));
        }
        return lines;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "null" : node.asText();
    }

    private static String resource(String name) {
        try (InputStream in = DiffPairs.class.getResourceAsStream("/io/migrescue/diff/" + name)) {
            if (in == null) {
                throw new AssertionError("no test resource io/migrescue/diff/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
