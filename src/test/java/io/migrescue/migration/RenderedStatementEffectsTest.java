package io.migrescue.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import io.migrescue.sql.Effect;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.SqlStatement;
import io.migrescue.sql.StatementEffects;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the code readers render feeds the same effect model as SQL files: every DDL statement they write for the
 * fixtures is understood (table, column, index and constraint effects), so the statement map and the repairs work on
 * code migrations unchanged. Only data statements, comments and PostgreSQL's DO block stay "other".
 */
class RenderedStatementEffectsTest {

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
        "knex, MARIADB",
        "knex, POSTGRESQL",
        "sequelize, MARIADB",
        "sequelize, POSTGRESQL",
        "rails, MARIADB",
        "rails, POSTGRESQL",
        "typeorm, MARIADB",
        "typeorm, POSTGRESQL"
    })
    void everyRenderedDdlStatementHasEffects(String tool, Engine engine) throws Exception {
        List<String> unread = new ArrayList<>();
        for (MigrationFile f : MigrationStatements.list(Path.of("src/test/resources/io/migrescue/migration", tool))) {
            assertThat(f.tool()).isEqualTo(tool);
            for (SqlStatement s : MigrationStatements.of(f, engine)) {
                List<Effect> effects = StatementEffects.of(s, engine);
                String sql = s.sql();
                boolean data = sql.startsWith("-- not understood")
                        || sql.startsWith("DO ")
                        || sql.startsWith("SELECT")
                        || sql.startsWith("comment on");
                if (!data && effects.stream().anyMatch(e -> e instanceof Effect.Other)) {
                    unread.add(sql + " -> " + effects);
                }
            }
        }
        assertThat(unread).isEmpty();
    }
}
