package io.migrescue.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.backup.DefinitionFile.DdlStatement;
import io.migrescue.backup.DefinitionFile.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefinitionFileTest {

    @Test
    void statementsComeBackWithTheirKindsAndWithoutSemicolons() {
        List<DdlStatement> statements = List.of(
                new DdlStatement(Kind.SEQUENCE, "CREATE SEQUENCE s"),
                new DdlStatement(Kind.TABLE, "CREATE TABLE t (\n    a text DEFAULT 'x;y',\n    b int\n)"),
                new DdlStatement(
                        Kind.TRIGGER, "CREATE TRIGGER g BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 'x;'; END"),
                new DdlStatement(Kind.FOREIGN_KEY, "ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (b) REFERENCES u(id)"));
        String text = DefinitionFile.render(List.of("a header", "-- not a marker"), statements);
        assertThat(text)
                .startsWith("-- a header\n")
                .contains("-- migrescue: foreign-key\n")
                .contains("\n);\n");
        assertThat(DefinitionFile.parse(text)).isEqualTo(statements);
        assertThat(DefinitionFile.ofKind(statements, Kind.TABLE)).hasSize(1);
    }
}
