package io.migrescue.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.diagnosis.Finding;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.Severity;
import io.migrescue.model.Catalog;
import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.BoundStatement;
import io.migrescue.testing.CatalogBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The saved plan's fingerprint: equal for the same database, and each kind of change said in words. */
class PlanFingerprintTest {
    private static final String WHERE = "\"id\" IN (2, 4, 5)";

    private static Plan plan() {
        Finding f = new Finding(
                FindingKind.DUPLICATE_ROWS,
                Severity.ERROR,
                "s",
                Map.of("table", "users"),
                List.of(),
                null,
                List.of("fix-duplicate-rows"),
                false);
        return new Plan(
                "fix-duplicate-rows",
                "t",
                Engine.POSTGRESQL,
                f,
                Map.of("keep", "first"),
                new BackupPlan(List.of(new BackupPlan.TableToSave("public", "users", WHERE)), true, "flyway"),
                List.of(
                        new PlanStep(1, "backup", "b", List.of(), List.of(), false, null, List.of(), List.of()),
                        new PlanStep(
                                2,
                                "sql",
                                "delete",
                                List.of(BoundStatement.of("DELETE FROM users WHERE " + WHERE)),
                                List.of(),
                                true,
                                null,
                                List.of("users"),
                                List.of())),
                List.of(
                        new Check.NoDuplicates("public", "users", List.of("email")),
                        new Check.TablePresent("public", "users_aside")),
                List.of());
    }

    private static Catalog catalog(boolean statusColumn, boolean withIndex) {
        CatalogBuilder.TableBuilder users = CatalogBuilder.of(Engine.POSTGRESQL, "public")
                .table("users")
                .column("id", "bigint", false)
                .column("email", "varchar(200)", true);
        if (statusColumn) {
            users.column("status", "text", true);
        }
        if (withIndex) {
            users.index("users_email_idx", false, true, "email");
        }
        return users.primaryKey("users_pkey", "id")
                .add()
                .table("orders")
                .column("id", "bigint", false)
                .add()
                .build();
    }

    private static List<MigrationHistory> history(EntryState second) {
        return List.of(
                new MigrationHistory(
                        "flyway",
                        "public",
                        "flyway_schema_history",
                        List.of(
                                new HistoryEntry("1", "users", EntryState.APPLIED, null, "111", null),
                                new HistoryEntry("2", "unique email", second, null, "222", null)),
                        null),
                new MigrationHistory("prisma", "public", "_prisma_migrations", List.of(), null));
    }

    private static PlanFingerprint fingerprint(Catalog catalog, List<MigrationHistory> history, long rows) {
        return PlanFingerprint.of(plan(), catalog, history, Map.of("public.users WHERE " + WHERE, rows));
    }

    @Test
    void theSameDatabaseGivesTheSameFingerprint() {
        PlanFingerprint saved = fingerprint(catalog(false, false), history(EntryState.FAILED), 3);
        assertThat(saved.changes(fingerprint(catalog(false, false), history(EntryState.FAILED), 3)))
                .isEmpty();
        assertThat(saved.tables()).containsOnlyKeys("public.users"); // orders is not touched
        assertThat(saved.absent()).containsExactly("users_aside");
        assertThat(saved.history()).containsOnlyKeys("flyway public.flyway_schema_history"); // only the plan's tool
    }

    @Test
    void anAddedColumnIsNamed() {
        PlanFingerprint saved = fingerprint(catalog(false, false), history(EntryState.FAILED), 3);
        assertThat(saved.changes(fingerprint(catalog(true, false), history(EntryState.FAILED), 3)))
                .containsExactly("table users changed since the plan was saved: column status added");
    }

    @Test
    void aRemovedIndexAndAChangedColumnAreNamed() {
        PlanFingerprint saved = fingerprint(catalog(false, true), history(EntryState.FAILED), 3);
        Catalog now = CatalogBuilder.of(Engine.POSTGRESQL, "public")
                .table("users")
                .column("id", "bigint", false)
                .column("email", "text", true)
                .primaryKey("users_pkey", "id")
                .add()
                .build();
        assertThat(saved.changes(fingerprint(now, history(EntryState.FAILED), 3)))
                .singleElement()
                .asString()
                .contains("column email now text (was varchar(200))")
                .contains("index users_email_idx removed");
    }

    @Test
    void aCreatedOrDroppedTableIsNamed() {
        PlanFingerprint saved = fingerprint(catalog(false, false), history(EntryState.FAILED), 3);
        Catalog withAside = CatalogBuilder.of(Engine.POSTGRESQL, "public")
                .table("users")
                .column("id", "bigint", false)
                .column("email", "varchar(200)", true)
                .primaryKey("users_pkey", "id")
                .add()
                .table("users_aside")
                .add()
                .build();
        assertThat(saved.changes(fingerprint(withAside, history(EntryState.FAILED), 3)))
                .containsExactly("table users_aside was created since the plan was saved");
        Catalog none = CatalogBuilder.of(Engine.POSTGRESQL, "public").build();
        assertThat(saved.changes(fingerprint(none, history(EntryState.FAILED), 3)))
                .containsExactly("table users was dropped or renamed since the plan was saved");
    }

    @Test
    void historyRowsAndRowCountsAreCompared() {
        PlanFingerprint saved = fingerprint(catalog(false, false), history(EntryState.FAILED), 3);
        assertThat(saved.changes(fingerprint(catalog(false, false), history(EntryState.APPLIED), 3)))
                .singleElement()
                .asString()
                .startsWith("the flyway public.flyway_schema_history history changed since the plan was saved")
                .contains("now 2 applied")
                .contains("was 2 failed");
        assertThat(saved.changes(fingerprint(catalog(false, false), history(EntryState.FAILED), 4)))
                .singleElement()
                .asString()
                .contains("public.users WHERE " + WHERE)
                .contains("are 4 now, were 3");
    }

    @Test
    void onlyFilteredRowSelectionsAreCounted() {
        assertThat(PlanFingerprint.rowSelections(plan()))
                .extracting(PlanFingerprint.RowSelection::key)
                .containsExactly("public.users WHERE " + WHERE);
    }
}
