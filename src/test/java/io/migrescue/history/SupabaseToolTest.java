package io.migrescue.history;

import static io.migrescue.history.Histories.NOW;
import static io.migrescue.history.Histories.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupabaseToolTest {
    private static final Dialect PG = Dialect.of(Engine.POSTGRESQL);
    private final SupabaseTool writer = new SupabaseTool();

    @TempDir
    Path dir;

    private static MigrationHistory history(String... versions) {
        return Histories.of(
                "supabase",
                "supabase_migrations",
                "schema_migrations",
                java.util.Arrays.stream(versions)
                        .map(v -> entry(v, EntryState.APPLIED))
                        .toArray(io.migrescue.model.HistoryEntry[]::new));
    }

    @Test
    void appliedIsTheVersionNameAndTheStatementsAsTheCliSplitsThem() {
        MigrationFile file = Histories.file(
                dir,
                "supabase/migrations/20240301000000_add_orders.sql",
                "-- orders\ncreate table orders (id bigint primary key);\n\nalter table orders enable row level security;\n",
                "20240301000000_add_orders",
                "plain");
        assertThat(writer.recordApplied(PG, history("20240101000000"), file, NOW, null))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.sql())
                            .isEqualTo(
                                    "INSERT INTO \"supabase_migrations\".\"schema_migrations\" (\"version\", \"name\", \"statements\")"
                                            + " VALUES (?, ?, ARRAY[?, ?]::text[])");
                    assertThat(s.params())
                            .containsExactly(
                                    "20240301000000",
                                    "add_orders",
                                    "-- orders\ncreate table orders (id bigint primary key)",
                                    "alter table orders enable row level security");
                });
        assertThat(writer.recordApplied(PG, history("20240301000000"), file, NOW, null))
                .isEmpty();
        MigrationFile empty = Histories.file(dir, "supabase/migrations/20240401000000_nothing.sql", "\n", "x", "plain");
        assertThat(writer.recordApplied(PG, history(), empty, NOW, null))
                .singleElement()
                .satisfies(s -> assertThat(s.sql()).endsWith("VALUES (?, ?, NULL)"));
        MigrationFile unnamed = Histories.file(dir, "supabase/migrations/orders.sql", "select 1;", "x", "plain");
        assertThatThrownBy(() -> writer.recordApplied(PG, history(), unnamed, NOW, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rolledBackIsRepairReverted() {
        assertThat(writer.recordRolledBack(PG, history("20240301000000"), "20240301000000_add_orders", List.of(), NOW))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.sql())
                            .isEqualTo(
                                    "DELETE FROM \"supabase_migrations\".\"schema_migrations\" WHERE \"version\" = ?");
                    assertThat(s.params()).containsExactly("20240301000000");
                });
        assertThat(writer.recordRolledBack(PG, history(), "20240301000000", List.of(), NOW))
                .isEmpty();
        assertThatThrownBy(() -> writer.releaseLock(PG, history())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> writer.clearDirty(PG, history(), "1"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void statementsSplitLikeTheSupabaseCli() {
        // the CLI's own parser tests (pkg/parser token_test.go) cover these shapes
        assertThat(SupabaseStatements.split("select 'a;b'; select \"x;\"; select $$ ; $$; select $tag$ ; $tag$;"))
                .containsExactly("select 'a;b'", "select \"x;\"", "select $$ ; $$", "select $tag$ ; $tag$");
        assertThat(SupabaseStatements.split("select 1; -- trailing ; comment\nselect 2 /* a ; /* nested ; */ */;"))
                .containsExactly("select 1", "-- trailing ; comment\nselect 2 /* a ; /* nested ; */ */");
        // quirk kept as the CLI has it: a backslash inside quotes escapes nothing, so E'\';' ends at the second quote
        assertThat(SupabaseStatements.split("select 'it''s;'; select E'\\';';"))
                .containsExactly("select 'it''s;'", "select E'\\'", "'");
        assertThat(SupabaseStatements.split(
                        "create function f() returns int begin atomic select 1; select 2; end; select 3"))
                .containsExactly("create function f() returns int begin atomic select 1; select 2; end", "select 3");
        assertThat(SupabaseStatements.split(
                        "create rule r as on insert to t do (insert into a default values; notify t);"))
                .containsExactly("create rule r as on insert to t do (insert into a default values; notify t)");
        // quirk kept as the CLI has it: an inner ")" also closes the outer parenthesis
        assertThat(SupabaseStatements.split("create rule r as on insert to t do (insert into a values (1); notify t);"))
                .containsExactly("create rule r as on insert to t do (insert into a values (1)", "notify t)");
        assertThat(SupabaseStatements.split(" ;\n;; \n")).isEmpty();
        assertThat(SupabaseStatements.split("select 1 - 2;select 3/4;")).containsExactly("select 1 - 2", "select 3/4");
    }
}
