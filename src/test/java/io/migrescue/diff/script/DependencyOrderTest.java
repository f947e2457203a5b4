package io.migrescue.diff.script;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.diff.DiffOptions;
import io.migrescue.diff.DiffResult;
import io.migrescue.diff.SchemaDiff;
import io.migrescue.diff.Snapshot;
import io.migrescue.model.Catalog;
import io.migrescue.model.Column;
import io.migrescue.model.DefinedObject;
import io.migrescue.model.Engine;
import io.migrescue.model.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order the dependency catalog gives a PostgreSQL fix script, on hand-built catalogs. */
class DependencyOrderTest {
    private static DiffResult diff(
            String sourceType, List<DefinedObject> source, String targetType, List<DefinedObject> target) {
        return SchemaDiff.compare(snapshot(sourceType, source), snapshot(targetType, target), DiffOptions.defaults());
    }

    private static Snapshot snapshot(String priceType, List<DefinedObject> objects) {
        Table t = new Table(
                "public", "t", List.of(new Column("price", 1, priceType, true, null, "")), List.of(), List.of());
        return new Snapshot(
                new Catalog(Engine.POSTGRESQL, List.of("public"), List.of(t)), List.of("public"), List.of(), objects);
    }

    private static DefinedObject view(String name, String definition, String... needs) {
        return new DefinedObject(
                "view",
                "public",
                name,
                definition,
                "CREATE VIEW public." + name + " AS " + definition,
                "DROP VIEW public." + name,
                null,
                List.of(needs));
    }

    private static DefinedObject function(String name, String body, String... needs) {
        return new DefinedObject(
                "function",
                "public",
                name + "()",
                body,
                "CREATE OR REPLACE FUNCTION public." + name + "() " + body,
                "DROP FUNCTION public." + name + "()",
                null,
                List.of(needs));
    }

    @Test
    void viewsOverAChangedColumnAreDroppedDependentsFirstAndCreatedAfterTheChange() {
        DefinedObject base = view("base", "SELECT price FROM t", "column public.t.price");
        DefinedObject top = view("top", "SELECT price FROM base", "view public.base");
        DefinedObject unrelated = view("other", "SELECT 1");
        List<DefinedObject> objects = List.of(base, top, unrelated);
        String script = FixScript.plan(diff("numeric(10,2)", objects, "numeric(8,2)", objects), false, objects)
                .forward(List.of());
        assertThat(script)
                .containsSubsequence(
                        "DROP VIEW public.top;",
                        "DROP VIEW public.base;",
                        "ALTER COLUMN \"price\" TYPE numeric(10,2)",
                        "CREATE VIEW public.base AS",
                        "CREATE VIEW public.top AS");
        assertThat(script).doesNotContain("public.other");
        // without the target's objects (another engine's reader) the script is what it was
        assertThat(FixScript.plan(diff("numeric(10,2)", objects, "numeric(8,2)", objects), false)
                        .forward(List.of()))
                .doesNotContain("DROP VIEW");
    }

    @Test
    void aFunctionOverAViewIsCreatedAfterItWhateverTheKind() {
        DefinedObject v = view("v", "SELECT 1 AS one");
        DefinedObject f = function("f", "RETURNS int BEGIN ATOMIC SELECT one FROM v; END", "view public.v");
        String script = FixScript.plan(diff("text", List.of(f, v), "text", List.of()), false, List.of())
                .forward(List.of());
        assertThat(script).containsSubsequence("CREATE VIEW public.v AS", "CREATE OR REPLACE FUNCTION public.f()");
        String drops = FixScript.plan(diff("text", List.of(), "text", List.of(f, v)), false, List.of(f, v))
                .forward(List.of());
        assertThat(drops).containsSubsequence("DROP FUNCTION public.f()", "DROP VIEW public.v");
    }

    @Test
    void aDomainIsAlteredInPlaceAndACompositeTypeAttributeByAttribute() {
        DefinedObject wanted = new DefinedObject(
                "domain",
                "public",
                "score",
                "AS integer\nDEFAULT 0\nNOT NULL\n" + "CONSTRAINT \"in range\" CHECK ((VALUE < 100))",
                "CREATE DOMAIN …",
                "DROP DOMAIN public.score");
        DefinedObject present = new DefinedObject(
                "domain",
                "public",
                "score",
                "AS integer\nDEFAULT 1\n" + "CONSTRAINT small CHECK ((VALUE < 10))",
                "CREATE DOMAIN …",
                "DROP DOMAIN public.score");
        assertThat(TypeAlterations.alter(wanted, present).orElseThrow())
                .containsExactly(
                        "ALTER DOMAIN public.score DROP CONSTRAINT small",
                        "ALTER DOMAIN public.score SET DEFAULT 0",
                        "ALTER DOMAIN public.score SET NOT NULL",
                        "ALTER DOMAIN public.score ADD CONSTRAINT \"in range\" CHECK ((VALUE < 100))");
        DefinedObject otherBase =
                new DefinedObject("domain", "public", "score", "AS bigint", "", "DROP DOMAIN public.score");
        assertThat(TypeAlterations.alter(otherBase, present)).isEmpty();

        DefinedObject pairNow = new DefinedObject(
                "composite type",
                "public",
                "pair",
                "amount numeric(12,2),\n" + "\"the note\" text",
                "",
                "DROP TYPE public.pair");
        DefinedObject pairThen = new DefinedObject(
                "composite type",
                "public",
                "pair",
                "amount numeric(10,2),\n" + "legacy integer",
                "",
                "DROP TYPE public.pair");
        assertThat(TypeAlterations.alter(pairNow, pairThen).orElseThrow())
                .containsExactly(
                        "ALTER TYPE public.pair DROP ATTRIBUTE legacy",
                        "ALTER TYPE public.pair ALTER ATTRIBUTE amount TYPE " + "numeric(12,2)",
                        "ALTER TYPE public.pair ADD ATTRIBUTE \"the note\" text");
    }
}
