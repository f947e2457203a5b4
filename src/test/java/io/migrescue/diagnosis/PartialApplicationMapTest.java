package io.migrescue.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Catalog;
import io.migrescue.model.Engine;
import io.migrescue.sql.Effect;
import io.migrescue.sql.Effect.ColumnDef;
import io.migrescue.sql.Effect.ConstraintDef;
import io.migrescue.sql.SqlStatement;
import io.migrescue.testing.CatalogBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartialApplicationMapTest {

    private static StatementWithEffects st(int n, Effect... effects) {
        return new StatementWithEffects(new SqlStatement(n, "statement " + n, n * 3), List.of(effects));
    }

    private static ConstraintDef fk(String name, String column, String refTable) {
        return new ConstraintDef(
                name, "FOREIGN_KEY", List.of(column), null, refTable, List.of("id"), "CASCADE", null, null);
    }

    /** Field report 05: the rename went through, the create failed on the FK names the renamed table still holds. */
    @Test
    void renameAppliedCreateFailedRestNotAppliedOnMariadb() {
        Catalog catalog = CatalogBuilder.of(Engine.MARIADB, "app")
                .table("users")
                .column("id", "bigint(20) unsigned", false)
                .primaryKey("PRIMARY", "id")
                .add()
                .table("skp_tahunan_backup_v1")
                .column("id", "bigint(20) unsigned", false)
                .column("user_id", "bigint(20) unsigned", false)
                .primaryKey("PRIMARY", "id")
                .foreignKey("fk_skp_tahunan_user", "user_id", "users", "id")
                .add()
                .build();
        List<StatementWithEffects> migration = List.of(
                st(1, new Effect.RenameTable(null, "skp_tahunan", null, "skp_tahunan_backup_v1")),
                st(
                        2,
                        new Effect.CreateTable(
                                null,
                                "skp_tahunan",
                                List.of(
                                        new ColumnDef("id", "bigint unsigned", false, null),
                                        new ColumnDef("user_id", "bigint unsigned", false, null)),
                                List.of(fk("fk_skp_tahunan_user", "user_id", "users")),
                                false)),
                st(
                        3,
                        new Effect.CreateIndex(
                                null, "skp_tahunan", "skp_tahunan_user_idx", List.of("user_id"), false, false, null)));

        List<StatementVerdict> map = PartialApplicationMap.build(migration, new CatalogLookup(catalog, "app"), null);

        assertThat(map)
                .extracting(StatementVerdict::state)
                .containsExactly(StatementState.APPLIED, StatementState.FAILED, StatementState.NOT_APPLIED);
        assertThat(map.get(0).reason()).contains("skp_tahunan_backup_v1 exists");
        assertThat(map.get(1).prediction())
                .contains("constraint name fk_skp_tahunan_user is held by table skp_tahunan_backup_v1")
                .contains("unique per schema");
        assertThat(map.get(2).reason()).contains("table skp_tahunan does not exist");
    }

    @Test
    void errorHintWinsAndEarlierAbsentStatementsWereRolledBackOnPostgres() {
        Catalog catalog = CatalogBuilder.of(Engine.POSTGRESQL, "public")
                .table("users")
                .column("id", "bigint", false)
                .primaryKey("users_pkey", "id")
                .add()
                .build();
        List<StatementWithEffects> migration = List.of(
                st(1, new Effect.AddColumn(null, "users", new ColumnDef("email", "text", true, null))),
                st(
                        2,
                        new Effect.AddConstraint(
                                null,
                                "users",
                                new ConstraintDef(
                                        "users_email_key",
                                        "UNIQUE",
                                        List.of("email"),
                                        null,
                                        null,
                                        List.of(),
                                        null,
                                        null,
                                        null))));
        List<StatementVerdict> map = PartialApplicationMap.build(migration, new CatalogLookup(catalog, "public"), 2);
        assertThat(map)
                .extracting(StatementVerdict::state)
                .containsExactly(StatementState.NOT_APPLIED, StatementState.FAILED);
        assertThat(map.get(0).reason()).contains("rolled back with the failed transaction");
    }

    @Test
    void nothingInEffectOnPostgresWithoutHintMeansTheTransactionUndidItAll() {
        Catalog catalog = CatalogBuilder.of(Engine.POSTGRESQL, "public")
                .table("users")
                .column("id", "bigint", false)
                .add()
                .build();
        List<StatementWithEffects> migration = List.of(
                st(1, new Effect.AddColumn(null, "Users", new ColumnDef("email", "text", true, null))),
                st(2, new Effect.CreateIndex(null, "users", "users_email_idx", List.of("email"), false, false, null)));
        List<StatementVerdict> map = PartialApplicationMap.build(migration, new CatalogLookup(catalog, "public"), null);
        assertThat(map).extracting(StatementVerdict::state).containsOnly(StatementState.NOT_APPLIED);
    }

    @Test
    void presentAfterTheFailureAndUncheckableStatementsAreUnknown() {
        Catalog catalog = CatalogBuilder.of(Engine.MYSQL, "app")
                .table("a")
                .column("id", "int", false)
                .add()
                .table("c")
                .column("id", "int", false)
                .add()
                .build();
        List<StatementWithEffects> migration = List.of(
                st(
                        1,
                        new Effect.CreateTable(
                                null, "a", List.of(new ColumnDef("id", "int", false, null)), List.of(), false)),
                st(
                        2,
                        new Effect.CreateTable(
                                null, "b", List.of(new ColumnDef("id", "int", false, null)), List.of(), false)),
                st(
                        3,
                        new Effect.CreateTable(
                                null, "c", List.of(new ColumnDef("id", "int", false, null)), List.of(), false)),
                st(4, new Effect.Other("INSERT INTO a VALUES (1)", "DML")));
        List<StatementVerdict> map = PartialApplicationMap.build(migration, new CatalogLookup(catalog, "app"), null);
        assertThat(map)
                .extracting(StatementVerdict::state)
                .containsExactly(
                        StatementState.APPLIED,
                        StatementState.FAILED,
                        StatementState.UNKNOWN,
                        StatementState.NOT_APPLIED);
        assertThat(map.get(2).reason()).contains("after the failure");
        assertThat(map.get(3).reason()).contains("never ran");
    }

    @Test
    void invalidIndexIsNotInEffectAndModifyColumnComparesTypesAndNullability() {
        Catalog catalog = CatalogBuilder.of(Engine.POSTGRESQL, "public")
                .table("users")
                .column("id", "bigint", false)
                .column("email", "character varying(200)", true)
                .index("users_email_uq", true, false, "email")
                .add()
                .build();
        CatalogLookup lookup = new CatalogLookup(catalog, "public");
        EffectPresence presence = new EffectPresence(lookup);
        assertThat(presence.check(new Effect.CreateIndex(
                                null, "users", "users_email_uq", List.of("email"), true, true, null))
                        .state())
                .isEqualTo(Presence.State.ABSENT);
        assertThat(presence.check(new Effect.ModifyColumn(null, "users", "email", null, "varchar(200)", null))
                        .state())
                .isEqualTo(Presence.State.PRESENT);
        assertThat(presence.check(new Effect.ModifyColumn(null, "users", "email", null, null, false))
                        .state())
                .isEqualTo(Presence.State.ABSENT);
        assertThat(presence.check(new Effect.ModifyColumn(null, "users", "email", null, "text", null))
                        .state())
                .isEqualTo(Presence.State.ABSENT);
        assertThat(presence.check(new Effect.DropTable(null, "gone", true)).state())
                .isEqualTo(Presence.State.PRESENT);
        assertThat(presence.check(new Effect.RenameColumn(null, "users", "mail", "email"))
                        .state())
                .isEqualTo(Presence.State.PRESENT);
    }

    /** An unnamed CHECK is found by its expression, as each server prints it back. */
    @Test
    void anUnnamedCheckIsMatchedByItsExpressionAsTheServerPrintsIt() {
        assertThat(EffectPresence.sameCheck("(\"Until\" >= \"From\")", "\"Until\" >= \"From\""))
                .isTrue();
        assertThat(EffectPresence.sameCheck("`Until` >= `From`", "`Until` >= `From`"))
                .isTrue();
        assertThat(EffectPresence.sameCheck("((status)::text <> ''::text)", "status <> ''"))
                .isTrue();
        assertThat(EffectPresence.sameCheck("(total >= 0)", "total > 0")).isFalse();
        assertThat(EffectPresence.sameCheck(null, "total > 0")).isFalse();
    }
}
