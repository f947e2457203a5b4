package io.migrescue.sql;

import static io.migrescue.model.Engine.POSTGRESQL;
import static io.migrescue.sql.EffectsTesting.column;
import static io.migrescue.sql.EffectsTesting.foreignKey;
import static io.migrescue.sql.EffectsTesting.primaryKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.migrescue.history.MigrationDirectories;
import io.migrescue.sql.Effect.AddColumn;
import io.migrescue.sql.Effect.AddConstraint;
import io.migrescue.sql.Effect.CreateIndex;
import io.migrescue.sql.Effect.CreateTable;
import io.migrescue.sql.Effect.DropConstraint;
import io.migrescue.sql.Effect.ModifyColumn;
import io.migrescue.sql.Effect.Other;
import io.migrescue.sql.Effect.SetColumnDefault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A Prisma project on PostgreSQL, as {@code prisma migrate dev} writes it. */
class PrismaMigrationTest {
    private final Path dir = EffectsTesting.resource("prisma");

    private List<List<Effect>> effectsOf(String migration) throws Exception {
        MigrationFile file =
                MigrationFiles.find(MigrationDirectories.list(dir), migration).orElseThrow();
        return StatementSplitter.split(Files.readString(file.path()), POSTGRESQL).stream()
                .map(s -> StatementEffects.of(s, POSTGRESQL))
                .toList();
    }

    @Test
    void foldersInOrder() throws Exception {
        assertThat(MigrationDirectories.list(dir))
                .extracting(MigrationFile::id, MigrationFile::tool)
                .containsExactly(
                        tuple("20240115093000_init", "prisma"), tuple("20240301120000_roles_and_slugs", "prisma"));
    }

    @Test
    void theInitialMigration() throws Exception {
        List<List<Effect>> effects = effectsOf("20240115093000_init");

        assertThat(effects).hasSize(6);
        assertThat(effects.get(0)).singleElement().isInstanceOf(Other.class);
        CreateTable user = (CreateTable) effects.get(1).get(0);
        assertThat(user.table()).isEqualTo("User");
        assertThat(user.columns())
                .containsExactly(
                        column("id", "SERIAL", false, null),
                        column("email", "TEXT", false, null),
                        column("name", "TEXT", true, null),
                        column("role", "Role", false, "'USER'"),
                        column("createdAt", "TIMESTAMP(3)", false, "CURRENT_TIMESTAMP"),
                        column("updatedAt", "TIMESTAMP(3)", false, null));
        assertThat(user.constraints()).containsExactly(primaryKey("User_pkey", "id"));

        CreateTable post = (CreateTable) effects.get(2).get(0);
        assertThat(post.columns())
                .extracting(Effect.ColumnDef::type)
                .containsExactly(
                        "TEXT", "VARCHAR(255)", "TEXT", "BOOLEAN", "INTEGER", "TEXT[]", "DECIMAL(65,30)", "JSONB");
        assertThat(post.columns().get(5).defaultValue()).isEqualTo("ARRAY[]::TEXT[]");

        assertThat(effects.get(3))
                .containsExactly(new CreateIndex(null, "User", "User_email_key", List.of("email"), true, false, null));
        assertThat(effects.get(4))
                .containsExactly(
                        new CreateIndex(null, "Post", "Post_authorId_idx", List.of("authorId"), false, false, null));
        assertThat(effects.get(5))
                .containsExactly(new AddConstraint(
                        null,
                        "Post",
                        foreignKey(
                                "Post_authorId_fkey",
                                List.of("authorId"),
                                null,
                                "User",
                                List.of("id"),
                                "RESTRICT",
                                "CASCADE")));
    }

    @Test
    void anEnumChangeInsideATransactionThenColumnAndForeignKeyChanges() throws Exception {
        List<List<Effect>> effects = effectsOf("20240301120000_roles_and_slugs");

        assertThat(effects).hasSize(13);
        assertThat(effects.get(0))
                .singleElement()
                .isEqualTo(new Other("BEGIN", "BEGIN: not a table or index change this tool tracks"));
        assertThat(effects.get(2)).containsExactly(new SetColumnDefault(null, "User", "role", null));
        assertThat(effects.get(3)).containsExactly(new ModifyColumn(null, "User", "role", null, "Role_new", null));
        assertThat(effects.get(4)).singleElement().isInstanceOf(Other.class); // ALTER TYPE
        assertThat(effects.get(7)).containsExactly(new SetColumnDefault(null, "User", "role", "'USER'"));
        assertThat(effects.get(8)).singleElement().isInstanceOf(Other.class); // COMMIT
        assertThat(effects.get(9)).containsExactly(new DropConstraint(null, "Post", "Post_authorId_fkey"));
        assertThat(effects.get(10))
                .containsExactly(
                        new AddColumn(null, "Post", column("slug", "TEXT", true, null)),
                        new ModifyColumn(null, "Post", "title", null, "TEXT", null));
        assertThat(effects.get(11))
                .containsExactly(new CreateIndex(null, "Post", "Post_slug_key", List.of("slug"), true, false, null));
        assertThat(effects.get(12))
                .containsExactly(new AddConstraint(
                        null,
                        "Post",
                        foreignKey(
                                "Post_authorId_fkey",
                                List.of("authorId"),
                                null,
                                "User",
                                List.of("id"),
                                "CASCADE",
                                "CASCADE")));
    }
}
