package io.migrescue.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.sql.StatementSplitter;
import org.junit.jupiter.api.Test;

class EngineSqlTest {

    @Test
    void everyKeyHasOneStatementForEveryEngine() {
        for (Engine engine : Engine.values()) {
            for (EngineSql key : EngineSql.values()) {
                String text = key.text(engine);
                assertThat(text).as(key + " on " + engine).isNotBlank().doesNotEndWith(";");
                assertThat(StatementSplitter.split(text, engine))
                        .as(key + " on " + engine)
                        .hasSize(1);
            }
        }
    }

    @Test
    void mariaDbFallsBackToMySqlWhereItHasNoTextOfItsOwn() {
        assertThat(EngineSql.END_SESSION.text(Engine.MARIADB)).isEqualTo(EngineSql.END_SESSION.text(Engine.MYSQL));
    }

    @Test
    void aKeyLineStartsATextAndOtherCommentsAreLeftOut() {
        assertThat(EngineSql.parse("-- file comment\n\n-- END_SESSION\n-- why\nKILL ?\n\n-- SESSION_ALIVE\nSELECT 1\n"))
                .containsEntry(EngineSql.END_SESSION, "KILL ?")
                .containsEntry(EngineSql.SESSION_ALIVE, "SELECT 1")
                .hasSize(2);
    }

    @Test
    void valuesAreBoundNotWritten() {
        assertThat(EngineSql.END_SESSION.parameters(Engine.POSTGRESQL)).isEqualTo(1);
        assertThat(EngineSql.SESSION_FROM_ADDRESS.parameters(Engine.MYSQL)).isEqualTo(2);
        assertThat(EngineSql.LOCK_HOLDERS.parameters(Engine.MYSQL)).isZero();
    }
}
