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

class AlembicToolTest {
    private static final Dialect PG = Dialect.of(Engine.POSTGRESQL);
    private static final Dialect MARIADB = Dialect.of(Engine.MARIADB);
    private final AlembicTool writer = new AlembicTool();

    @TempDir
    Path dir;

    /** A script as `alembic revision` (1.13) writes it. */
    private MigrationFile script(String revision, String down) {
        return Histories.file(
                dir,
                "alembic/versions/" + revision + "_step.py",
                "\"\"\"step\n\nRevision ID: " + revision + "\n\"\"\"\n"
                        + "from typing import Sequence, Union\n\nfrom alembic import op\n\n# revision identifiers, used by Alembic.\n"
                        + "revision: str = '" + revision + "'\ndown_revision: Union[str, None] = " + down + "\n"
                        + "branch_labels: Union[str, Sequence[str], None] = None\n\n\ndef upgrade() -> None:\n    op.create_table('t')\n",
                revision,
                "alembic");
    }

    private static MigrationHistory heads(String schema, String... heads) {
        return Histories.of(
                "alembic",
                schema,
                "alembic_version",
                java.util.Arrays.stream(heads)
                        .map(h -> entry(h, EntryState.APPLIED))
                        .toArray(io.migrescue.model.HistoryEntry[]::new));
    }

    @Test
    void appliedMovesTheParentsRowToTheRevision() {
        assertThat(writer.recordApplied(
                        PG, heads("public", "1975ea83b712"), script("ae1027a6acf", "'1975ea83b712'"), NOW, null))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.sql())
                            .isEqualTo(
                                    "UPDATE \"public\".\"alembic_version\" SET \"version_num\" = ? WHERE \"version_num\" = ?");
                    assertThat(s.params()).containsExactly("ae1027a6acf", "1975ea83b712");
                });
        assertThat(writer.recordApplied(MARIADB, heads("app"), script("1975ea83b712", "None"), NOW, null))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.sql()).isEqualTo("INSERT INTO `app`.`alembic_version` (`version_num`) VALUES (?)");
                    assertThat(s.params()).containsExactly("1975ea83b712");
                });
        assertThat(writer.recordApplied(
                        PG, heads("public", "ae1027a6acf"), script("ae1027a6acf", "'1975ea83b712'"), NOW, null))
                .isEmpty();
    }

    @Test
    void aMergeDeletesTheOtherParentsAndARevisionNotOnAHeadIsRefused() {
        assertThat(writer.recordApplied(PG, heads("public", "aaa", "bbb"), script("ccc", "('aaa', 'bbb')"), NOW, null))
                .extracting(s -> s.sql().substring(0, 6) + " " + s.params())
                .containsExactly("DELETE [aaa]", "UPDATE [ccc, bbb]");
        assertThatThrownBy(() -> writer.recordApplied(
                        PG, heads("public", "zzz"), script("ae1027a6acf", "'1975ea83b712'"), NOW, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not where this revision starts");
        assertThatThrownBy(() ->
                        writer.recordApplied(PG, heads("public"), script("ae1027a6acf", "'1975ea83b712'"), NOW, null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rolledBackMovesTheHeadBackToItsParentFromTheScripts() {
        List<MigrationFile> files = List.of(script("1975ea83b712", "None"), script("ae1027a6acf", "'1975ea83b712'"));
        assertThat(writer.recordRolledBack(MARIADB, heads("app", "ae1027a6acf"), "ae1027a6acf", files, NOW))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.sql())
                            .isEqualTo("UPDATE `app`.`alembic_version` SET `version_num` = ? WHERE `version_num` = ?");
                    assertThat(s.params()).containsExactly("1975ea83b712", "ae1027a6acf");
                });
        assertThat(writer.recordRolledBack(PG, heads("public", "1975ea83b712"), "1975ea83b712", files, NOW))
                .singleElement()
                .satisfies(s -> assertThat(s.sql())
                        .isEqualTo("DELETE FROM \"public\".\"alembic_version\" WHERE \"version_num\" = ?"));
        // a failed upgrade leaves the table at the parent: already so
        assertThat(writer.recordRolledBack(PG, heads("public", "1975ea83b712"), "ae1027a6acf", files, NOW))
                .isEmpty();
        assertThatThrownBy(
                        () -> writer.recordRolledBack(PG, heads("public", "ae1027a6acf"), "1975ea83b712", files, NOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("applied below the heads");
        assertThatThrownBy(() ->
                        writer.recordRolledBack(PG, heads("public", "ae1027a6acf"), "ae1027a6acf", List.of(), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("none of the migration files");
        assertThatThrownBy(() -> writer.releaseLock(PG, heads("public")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> writer.clearDirty(PG, heads("public"), "x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
