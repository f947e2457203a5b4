package io.migrescue.migration.code;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.migration.code.Lexer.Language;
import io.migrescue.migration.code.Node.Call;
import io.migrescue.migration.code.Node.Opaque;
import io.migrescue.migration.code.Node.Str;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The scanner and parser on hostile input: no exception, no deep recursion, every token read a bounded number of times. */
class ParserTest {

    @Test
    void nestingDeeperThanTheLimitBecomesOneOpaqueNodeInsteadOfAStackOverflow() {
        String deep = "f(".repeat(200_000) + ")".repeat(200_000);
        for (Language language : Language.values()) {
            List<Node> nodes = Parser.parse(deep, language);
            assertThat(nodes).singleElement().isInstanceOf(Opaque.class);
            assertThat(nodes.get(0).text()).contains("nested deeper than");
        }
        assertThat(Parser.parse("[".repeat(100_000) + "{".repeat(100_000), Language.JAVASCRIPT))
                .isNotEmpty();
    }

    @Test
    void unterminatedLiteralsRunToTheEnd() {
        assertThat(Parser.parse("execute <<~SQL\n  SELECT 1\n", Language.RUBY))
                .singleElement()
                .isInstanceOfSatisfying(
                        Call.class, c -> assertThat(((Str) c.arg(0)).value()).isEqualTo("SELECT 1\n"));
        assertThat(Parser.parse("q(`abc ${x", Language.JAVASCRIPT)).isNotEmpty();
        assertThat(Parser.parse("q('abc", Language.JAVASCRIPT)).isNotEmpty();
    }

    @Test
    void rubyHeredocsSymbolsHashesAndBlocks() {
        List<Node> nodes = Parser.parse("""
                add_index :users, [:a, :b], unique: true, name: "ix"
                execute <<-SQL, "x"
                  UPDATE t SET a = 1
                  SQL
                change_table :users do |t|
                  t.remove :legacy
                end
                """, Language.RUBY);
        assertThat(nodes).hasSize(3).allMatch(n -> n instanceof Call);
        Call addIndex = (Call) nodes.get(0);
        assertThat(Code.names(addIndex.arg(1))).containsExactly("a", "b");
        assertThat(Code.bool(((Node.Obj) addIndex.arg(2)).get("unique"))).isTrue();
        assertThat(((Str) ((Call) nodes.get(1)).arg(0)).value()).isEqualTo("  UPDATE t SET a = 1\n");
        assertThat(((Call) nodes.get(2)).block().params()).containsExactly("t");
        assertThat(nodes.get(2).line()).isEqualTo(5);
    }

    @Property(tries = 300)
    void anyInputParsesWithoutThrowing(
            @ForAll
                    @StringLength(max = 400)
                    @Chars({
                        '(', ')', '{', '}', '[', ']', '"', '\'', '`', '$', '#', '<', '~', '-', ':', '|', '=', '>', ',',
                        ';', '\n', ' ', '.', '/', '*', '\\'
                    })
                    @CharRange(from = 'a', to = 'e')
                    String source) {
        for (Language language : Language.values()) {
            assertThat(Parser.parse(source, language)).isNotNull();
            assertThat(Parser.parse("do |t|\n" + source + "\nend", language)).isNotNull();
        }
    }
}
