package io.migrescue.migration.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PyParserTest {
    private static PyExpr parse(String source) {
        PyModule m = PyModule.parse(source);
        return m.expression(m.lines().get(0).from()).expr();
    }

    @Test
    void callsWithKeywordsNestedCallsListsAndTuples() {
        PyExpr e = parse(
                "op.create_table('t', sa.Column('id', sa.Integer(), primary_key=True), sa.UniqueConstraint(*cols), x=(1,), y=[], z={'a': -2})\n");
        assertThat(e).isInstanceOf(PyExpr.Call.class);
        PyExpr.Call c = (PyExpr.Call) e;
        assertThat(c.callee()).isEqualTo("op.create_table");
        assertThat(c.args()).hasSize(3);
        PyExpr.Call column = (PyExpr.Call) c.args().get(1);
        assertThat(column.last()).isEqualTo("Column");
        assertThat(((PyExpr.Call) column.args().get(1)).callee()).isEqualTo("sa.Integer");
        assertThat(column.kw("primary_key").flatMap(PyExpr::bool)).contains(true);
        assertThat(c.args().get(2)).isInstanceOf(PyExpr.Other.class); // a starred argument is not read
        assertThat(c.kw("x").orElseThrow())
                .isInstanceOf(PyExpr.Seq.class)
                .extracting(x -> ((PyExpr.Seq) x).kind())
                .isEqualTo("tuple");
        assertThat(c.kw("y").flatMap(PyExpr::items)).contains(List.of());
        assertThat(((PyExpr.Dict) c.kw("z").orElseThrow()).values().get(0)).isEqualTo(new PyExpr.Num("-2", 1, "-2"));
    }

    @Test
    void everyKindOfStringLiteral() {
        assertThat(PyExpr.string(parse("'''a\n'b'\n'''\n"))).contains("a\n'b'\n");
        assertThat(PyExpr.string(parse("\"\"\"x\"\"\"\n"))).contains("x");
        assertThat(PyExpr.string(parse("r'\\d' 'e\\n' \"f\"\n"))).contains("\\de\nf");
        assertThat(PyExpr.string(parse("(\n  'CREATE '\n  # a comment\n  'INDEX'\n)\n")))
                .contains("CREATE INDEX");
        assertThat(parse("f'{x}'\n")).isInstanceOf(PyExpr.Other.class);
    }

    @Test
    void logicalLinesFollowBracketsAndBackslashes() {
        PyModule m = PyModule.parse("a = [1,\n  2]\nb = 1 + \\\n  2\nc = 'x'  # note\n");
        assertThat(m.lines()).extracting(PyModule.PyLine::line).containsExactly(1, 3, 5);
        assertThat(m.assignment(m.lines(), 0, "a").flatMap(PyExpr::items).orElseThrow())
                .hasSize(2);
        assertThat(m.assignment(m.lines(), 0, "b").orElseThrow()).isInstanceOf(PyExpr.Other.class);
        assertThat(m.assignment(m.lines(), 0, "c").flatMap(PyExpr::string)).contains("x");
    }
}
