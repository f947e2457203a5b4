package io.migrescue.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.diagnosis.DataQuestion;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.StatementWithEffects;
import io.migrescue.model.Catalog;
import io.migrescue.model.Engine;
import io.migrescue.sql.SqlStatement;
import io.migrescue.sql.StatementEffects;
import io.migrescue.sql.StatementSplitter;
import io.migrescue.testing.CatalogBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulation alone, over a catalog built in memory: later pending migrations see what earlier ones make. */
class SimulatorTest {
    private static PendingMigration migration(String id, String sql, Engine engine) {
        List<SqlStatement> statements = StatementSplitter.split(sql, engine);
        return new PendingMigration(
                "flyway",
                id,
                "V" + id + "__x.sql",
                statements.stream()
                        .map(s -> new StatementWithEffects(s, StatementEffects.of(s, engine)))
                        .toList(),
                false);
    }

    private static Catalog shop(Engine engine) {
        return CatalogBuilder.of(engine, "app")
                .table("users")
                .column("id", "bigint", false)
                .column("email", "varchar(200)", true)
                .primaryKey("PRIMARY", "id")
                .add()
                .table("skp")
                .column("id", "bigint", false)
                .column("user_id", "bigint", false)
                .primaryKey("PRIMARY", "id")
                .foreignKey("fk_skp_user", "user_id", "users", "id")
                .add()
                .build();
    }

    @Test
    void aRenamedTableKeepsItsForeignKeyNamesOnMariaDb() {
        Simulation s = new Simulator(shop(Engine.MARIADB), "app", Map.of())
                .run(List.of(migration(
                        "2",
                        "RENAME TABLE skp TO skp_old;\nCREATE TABLE skp (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL,\n"
                                + "  CONSTRAINT fk_skp_user FOREIGN KEY (user_id) REFERENCES users (id));\n",
                        Engine.MARIADB)));
        assertThat(s.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.DUPLICATE_CONSTRAINT_NAME);
            assertThat(f.statement()).isEqualTo(2);
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.evidence()).anyMatch(e -> e.contains("skp renamed by an earlier pending statement"));
            assertThat(f.fix().sql())
                    .singleElement()
                    .asString()
                    .contains("DROP FOREIGN KEY `fk_skp_user`")
                    .contains("ADD CONSTRAINT `fk_skp_user_old`");
        });
    }

    @Test
    void postgresqlKeepsForeignKeyNamesPerTable() {
        Simulation s = new Simulator(shop(Engine.POSTGRESQL), "app", Map.of())
                .run(List.of(migration(
                        "2",
                        "ALTER TABLE skp RENAME TO skp_old;\nCREATE TABLE skp (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL,\n"
                                + "  CONSTRAINT fk_skp_user FOREIGN KEY (user_id) REFERENCES users (id));\n",
                        Engine.POSTGRESQL)));
        assertThat(s.findings()).isEmpty();
    }

    @Test
    void aLaterMigrationSeesWhatAnEarlierPendingOneMakesOrDrops() {
        Simulation s = new Simulator(shop(Engine.POSTGRESQL), "app", Map.of())
                .run(List.of(
                        migration(
                                "2",
                                "CREATE TABLE tags (id BIGINT PRIMARY KEY);\nALTER TABLE users DROP COLUMN email;",
                                Engine.POSTGRESQL),
                        migration(
                                "3",
                                "ALTER TABLE tags ADD COLUMN name TEXT;\nCREATE INDEX users_email_idx ON users (email);",
                                Engine.POSTGRESQL)));
        assertThat(s.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.MISSING_COLUMN);
            assertThat(f.migration().id()).isEqualTo("3");
            assertThat(f.statement()).isEqualTo(2);
        });
    }

    @Test
    void rowsChangedBeforeANotNullAreNotJudgedByTheLiveRows() {
        Simulation s = new Simulator(shop(Engine.POSTGRESQL), "app", Map.of())
                .run(List.of(migration(
                        "2",
                        "UPDATE users SET email = 'x' WHERE email IS NULL;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;",
                        Engine.POSTGRESQL)));
        assertThat(s.findings()).isEmpty();
        Simulation direct = new Simulator(shop(Engine.POSTGRESQL), "app", Map.of())
                .run(List.of(migration("2", "ALTER TABLE users ALTER COLUMN email SET NOT NULL;", Engine.POSTGRESQL)));
        assertThat(direct.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.NULL_VALUES);
            assertThat(f.confirm()).isInstanceOf(PreflightFinding.Confirm.Rows.class);
        });
    }

    @Test
    void foreignKeyTypesMustMatchInSizeAndSignOnMySql() {
        assertThat(FkTypes.fit(Engine.MARIADB, "int", "bigint(20) unsigned")).isFalse();
        assertThat(FkTypes.fit(Engine.MARIADB, "BIGINT UNSIGNED", "bigint(20) unsigned"))
                .isTrue();
        assertThat(FkTypes.fit(Engine.POSTGRESQL, "integer", "bigint")).isTrue();
        assertThat(FkTypes.fit(Engine.POSTGRESQL, "character varying(20)", "bigint"))
                .isFalse();
        assertThat(FkTypes.fit(Engine.POSTGRESQL, "my_domain", "bigint")).isTrue();
    }

    @Test
    void aNarrowerTypeAsksTheRowsForValuesItCannotHold() {
        Simulation s = new Simulator(shop(Engine.POSTGRESQL), "app", Map.of())
                .run(List.of(
                        migration("2", "ALTER TABLE users ALTER COLUMN email TYPE VARCHAR(8);", Engine.POSTGRESQL)));
        assertThat(s.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.TYPE_CONVERSION);
            assertThat(f.confirm())
                    .isEqualTo(new PreflightFinding.Confirm.Rows(new DataQuestion.UnfitValues(
                            "app", "users", "email", "id", 8, null, null, null, "VARCHAR(8)")));
            assertThat(f.fix().sql()).singleElement().asString().contains("SUBSTRING(\"email\", 1, 8)");
        });
        Simulation wider = new Simulator(shop(Engine.POSTGRESQL), "app", Map.of())
                .run(List.of(
                        migration("2", "ALTER TABLE users ALTER COLUMN email TYPE VARCHAR(320);", Engine.POSTGRESQL)));
        assertThat(wider.findings()).isEmpty();
    }

    @Test
    void aNewCheckIsAskedOfTheRowsWithItsOwnExpression() {
        Simulation s = new Simulator(shop(Engine.MARIADB), "app", Map.of())
                .run(List.of(migration(
                        "2",
                        "ALTER TABLE users ADD CONSTRAINT users_email_chk CHECK (email LIKE '%@%');",
                        Engine.MARIADB)));
        assertThat(s.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.CHECK_VIOLATION);
            assertThat(((PreflightFinding.Confirm.Rows) f.confirm()).question())
                    .isInstanceOfSatisfying(
                            DataQuestion.CheckViolations.class,
                            q -> assertThat(q.expression()).contains("email").contains("'%@%'"));
            assertThat(f.fix().playbooks()).containsExactly("fix-check-violations");
            assertThat(f.fix().sql())
                    .singleElement()
                    .asString()
                    .isEqualTo("UPDATE `users` SET `email` = :value WHERE NOT (email LIKE '%@%')");
        });
        Simulation renamedFirst = new Simulator(shop(Engine.MARIADB), "app", Map.of())
                .run(List.of(migration(
                        "2",
                        "ALTER TABLE users RENAME COLUMN email TO mail;\nALTER TABLE users ADD CONSTRAINT users_mail_chk CHECK (mail LIKE '%@%');",
                        Engine.MARIADB)));
        assertThat(renamedFirst.findings())
                .as("the live rows have no column mail to ask")
                .isEmpty();
        Simulation notValid = new Simulator(shop(Engine.POSTGRESQL), "app", Map.of())
                .run(List.of(migration(
                        "2",
                        "ALTER TABLE users ADD CONSTRAINT users_email_chk CHECK (email LIKE '%@%') NOT VALID;",
                        Engine.POSTGRESQL)));
        assertThat(notValid.findings()).isEmpty();
    }

    @Test
    void aForeignKeyToATableAPendingMigrationCreatesMeetsAnEmptyTableUnlessOneFillsIt() {
        String parent = "CREATE TABLE accounts (id BIGINT PRIMARY KEY);";
        String fk = "ALTER TABLE skp ADD CONSTRAINT fk_skp_account FOREIGN KEY (user_id) REFERENCES accounts (id);";
        Simulation empty = new Simulator(shop(Engine.POSTGRESQL), "app", Map.of())
                .run(List.of(migration("2", parent, Engine.POSTGRESQL), migration("3", fk, Engine.POSTGRESQL)));
        assertThat(empty.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.FK_ORPHAN_ROWS);
            assertThat(f.migration().id()).isEqualTo("3");
            assertThat(f.evidence()).anyMatch(e -> e.contains("pending migration 2 (V2__x.sql) creates it"));
            assertThat(((PreflightFinding.Confirm.Rows) f.confirm()).question())
                    .isEqualTo(new DataQuestion.KeysSet("app", "skp", List.of("user_id"), "id", "accounts"));
        });
        Simulation filled = new Simulator(shop(Engine.POSTGRESQL), "app", Map.of())
                .run(List.of(
                        migration("2", parent + "\nINSERT INTO accounts (id) SELECT id FROM users;", Engine.POSTGRESQL),
                        migration("3", fk, Engine.POSTGRESQL)));
        assertThat(filled.findings()).isEmpty();
        assertThat(filled.notes())
                .anyMatch(n -> n.contains("statement 2 of 2 fills") && n.contains("cannot be told before the deploy"));
    }
}
