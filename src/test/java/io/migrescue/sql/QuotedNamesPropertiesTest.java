package io.migrescue.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any name the dialect quotes, the SQL reader reads back as the same name, in one statement with others, whatever it
 * holds: quotes of every kind, {@code ;}, {@code --}, {@code /*}, {@code $$}, backslashes, spaces, letters of any script,
 * characters beyond the BMP, combining marks, and the reader's own placeholder prefix.
 */
class QuotedNamesPropertiesTest {

    @Provide
    Arbitrary<String> names() {
        Arbitrary<Character> hostile = Arbitraries.of(
                '`', '"', '\'', ';', '-', '/', '*', '$', '\\', ' ', '.', '(', ')', ',', '\u0301', 'é', '名', 'Z', 'a',
                '_', '#', '\n');
        Arbitrary<String> parts = Arbitraries.oneOf(
                hostile.map(String::valueOf),
                Arbitraries.of("😀", "🗂", "mrq0_41", "--", "/*", "*/", "$$", "``", "\"\"", "select", "DROP TABLE x;"));
        return parts.list().ofMinSize(1).ofMaxSize(12).map(p -> String.join("", p));
    }

    @Property(tries = 200)
    void aQuotedNameReadsBackAsItself(
            @ForAll("names") String table, @ForAll("names") String column, @ForAll("names") String index) {
        for (Engine engine : List.of(Engine.POSTGRESQL, Engine.MARIADB)) {
            Dialect d = Dialect.of(engine);
            String script = "ALTER TABLE " + d.quote(table) + " ADD COLUMN " + d.quote(column) + " INT;\n"
                    + "CREATE INDEX " + d.quote(index) + " ON " + d.quote(table) + " (" + d.quote(column) + ");\n";
            List<SqlStatement> statements = StatementSplitter.split(script, engine);
            assertThat(statements).as(script).hasSize(2);
            List<Effect> add = StatementEffects.of(statements.get(0), engine);
            assertThat(add)
                    .as(script)
                    .singleElement()
                    .isEqualTo(new Effect.AddColumn(null, table, new Effect.ColumnDef(column, "INT", true, null)));
            List<Effect> create = StatementEffects.of(statements.get(1), engine);
            assertThat(create)
                    .as(script)
                    .singleElement()
                    .isEqualTo(new Effect.CreateIndex(null, table, index, List.of(column), false, false, null));
        }
    }
}
