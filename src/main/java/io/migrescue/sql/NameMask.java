package io.migrescue.sql;

import io.migrescue.model.Engine;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement as the effect readers see it: every quoted identifier replaced by a quoted placeholder of plain ASCII
 * that encodes it ({@code `we``ird`} → {@code `mrq0_776560697264`}). JSqlParser 5.3 rejects doubled quotes inside
 * identifiers and some quoted reserved words; a placeholder is never one of those, and {@link Names#unquote} turns it
 * back into the name. {@link #restore} then gives the effects back their text as written (types, defaults, CHECK and
 * index expressions, reasons) and their names as the server reads them: a bare name folded ({@link Dialect#foldBare}:
 * lower case on PostgreSQL), a quoted one as written.
 * <p>
 * The placeholder's prefix ({@code mrq} and a number) is one the statement does not contain, so a placeholder can
 * never be confused with anything the statement itself says.
 */
final class NameMask {
    private static final Pattern PLACEHOLDER = Pattern.compile("mrq\\d+_([0-9a-f]*)");
    private static final Pattern USED_PREFIX = Pattern.compile("mrq(\\d{1,15})_");

    private final String text;
    private final Pattern quotedPlaceholder;
    private final Map<String, String> originals;
    private final Set<String> quotedNames;
    private final Dialect dialect;

    private NameMask(
            String text,
            Pattern quotedPlaceholder,
            Map<String, String> originals,
            Set<String> quotedNames,
            Dialect dialect) {
        this.text = text;
        this.quotedPlaceholder = quotedPlaceholder;
        this.originals = originals;
        this.quotedNames = quotedNames;
        this.dialect = dialect;
    }

    static NameMask of(String sql, Engine engine) {
        long n = 0;
        Matcher used = USED_PREFIX.matcher(sql);
        while (used.find()) {
            n = Math.max(n, Long.parseLong(used.group(1)) + 1);
        }
        String prefix = "mrq" + n + "_";
        char quote = engine.isMySqlFamily() ? '`' : '"';
        Map<String, String> originals = new LinkedHashMap<>();
        Set<String> quotedNames = new HashSet<>();
        StringBuilder b = new StringBuilder(sql.length() + 16);
        int i = 0;
        while (i < sql.length()) {
            SqlScanner.Span span = SqlScanner.at(sql, i, engine);
            if (span != null) {
                String run = sql.substring(i, span.end());
                if (span.kind() == SqlScanner.Kind.QUOTED_IDENTIFIER
                        && run.length() >= 2
                        && run.charAt(run.length() - 1) == run.charAt(0)) {
                    String name = Names.unquoteAsWritten(run);
                    quotedNames.add(name);
                    String placeholder = run.charAt(0) + prefix + hex(name) + run.charAt(0);
                    originals.put(placeholder, run);
                    b.append(placeholder);
                } else {
                    b.append(run);
                }
                i = span.end();
                continue;
            }
            if (SqlScanner.isIdentifierStart(sql.charAt(i))
                    && (i == 0 || !SqlScanner.isIdentifierChar(sql.charAt(i - 1)))) {
                int end = i;
                while (end < sql.length() && SqlScanner.isIdentifierChar(sql.charAt(end))) {
                    end++;
                }
                String word = sql.substring(i, end);
                // a bare name beyond ASCII (no keyword is one): masked too, JSqlParser rejects combining marks and
                // symbols
                if (word.chars().allMatch(c -> c < 0x80)) {
                    b.append(word);
                } else {
                    String placeholder = quote + prefix + hex(word) + quote;
                    originals.putIfAbsent(placeholder, word);
                    b.append(placeholder);
                }
                i = end;
                continue;
            }
            b.append(sql.charAt(i));
            i++;
        }
        Pattern quoted = Pattern.compile("[`\"]" + Pattern.quote(prefix) + "[0-9a-f]*[`\"]");
        return new NameMask(b.toString(), quoted, originals, quotedNames, Dialect.of(engine));
    }

    private static String hex(String name) {
        return HexFormat.of().formatHex(name.getBytes(StandardCharsets.UTF_8));
    }

    /** The statement with its quoted identifiers (and bare names beyond ASCII) masked. */
    String text() {
        return text;
    }

    /** Text read from the masked statement, with each placeholder back as the quoted identifier it stands for. */
    String unmask(String masked) {
        if (masked == null || originals.isEmpty()) {
            return masked;
        }
        Matcher m = quotedPlaceholder.matcher(masked);
        return m.replaceAll(r -> Matcher.quoteReplacement(originals.getOrDefault(r.group(), r.group())));
    }

    List<String> unmask(List<String> masked) {
        return masked == null ? null : masked.stream().map(this::unmask).toList();
    }

    /** The name a placeholder's content stands for, or null when {@code content} is not a placeholder. */
    static String decode(String content) {
        Matcher m = PLACEHOLDER.matcher(content);
        if (!m.matches() || m.group(1).length() % 2 != 0) {
            return null;
        }
        return new String(HexFormat.of().parseHex(m.group(1)), StandardCharsets.UTF_8);
    }

    /** The effect with its text as written and its names as the server reads them; an Other gets the statement. */
    Effect restore(Effect e, String originalSql) {
        if (e instanceof Effect.Other o) {
            return new Effect.Other(originalSql, unmask(o.reason()));
        }
        if (e instanceof Effect.CreateTable c) {
            return new Effect.CreateTable(
                    n(c.schema()),
                    n(c.table()),
                    c.columns().stream().map(this::column).toList(),
                    c.constraints().stream().map(this::constraint).toList(),
                    c.ifNotExists());
        }
        if (e instanceof Effect.DropTable d) {
            return new Effect.DropTable(n(d.schema()), n(d.table()), d.ifExists());
        }
        if (e instanceof Effect.RenameTable r) {
            return new Effect.RenameTable(n(r.schema()), n(r.from()), n(r.toSchema()), n(r.to()));
        }
        if (e instanceof Effect.AddColumn a) {
            return new Effect.AddColumn(n(a.schema()), n(a.table()), column(a.column()));
        }
        if (e instanceof Effect.DropColumn d) {
            return new Effect.DropColumn(n(d.schema()), n(d.table()), n(d.column()));
        }
        if (e instanceof Effect.RenameColumn r) {
            return new Effect.RenameColumn(n(r.schema()), n(r.table()), n(r.from()), n(r.to()));
        }
        if (e instanceof Effect.ModifyColumn m) {
            return new Effect.ModifyColumn(
                    n(m.schema()), n(m.table()), n(m.column()), n(m.newName()), unmask(m.type()), m.nullable());
        }
        if (e instanceof Effect.SetColumnDefault d) {
            return new Effect.SetColumnDefault(n(d.schema()), n(d.table()), n(d.column()), unmask(d.defaultValue()));
        }
        if (e instanceof Effect.AddConstraint a) {
            return new Effect.AddConstraint(n(a.schema()), n(a.table()), constraint(a.constraint()));
        }
        if (e instanceof Effect.DropConstraint d) {
            return new Effect.DropConstraint(n(d.schema()), n(d.table()), n(d.name()));
        }
        if (e instanceof Effect.RenameConstraint r) {
            return new Effect.RenameConstraint(n(r.schema()), n(r.table()), n(r.from()), n(r.to()));
        }
        if (e instanceof Effect.CreateIndex i) {
            return new Effect.CreateIndex(
                    n(i.schema()),
                    n(i.table()),
                    n(i.name()),
                    keys(i.columns()),
                    i.unique(),
                    i.concurrently(),
                    i.method());
        }
        if (e instanceof Effect.DropIndex d) {
            return new Effect.DropIndex(n(d.schema()), n(d.table()), n(d.name()));
        }
        Effect.RenameIndex r = (Effect.RenameIndex) e;
        return new Effect.RenameIndex(n(r.schema()), n(r.table()), n(r.from()), n(r.to()));
    }

    /**
     * A name as the server reads it: quoted names as written, bare ones folded. A bare name spelled exactly like a
     * quoted one in the same statement is taken as written (the two cannot be told apart here; the catalog lookup
     * still tries the folded spelling).
     */
    private String n(String name) {
        return name == null || quotedNames.contains(name) ? name : dialect.foldBare(name);
    }

    private List<String> names(List<String> names) {
        return names == null ? null : names.stream().map(this::n).toList();
    }

    /** Index keys: a plain column name is a name; an expression is text. */
    private List<String> keys(List<String> keys) {
        return keys == null
                ? null
                : keys.stream().map(k -> isBareName(k) ? n(k) : unmask(k)).toList();
    }

    private boolean isBareName(String key) {
        if (quotedNames.contains(key)) {
            return true;
        }
        return !key.isEmpty()
                && key.chars().allMatch(c -> SqlScanner.isIdentifierChar((char) c))
                && !Character.isDigit(key.charAt(0));
    }

    private Effect.ColumnDef column(Effect.ColumnDef c) {
        return new Effect.ColumnDef(n(c.name()), unmask(c.type()), c.nullable(), unmask(c.defaultValue()));
    }

    private Effect.ConstraintDef constraint(Effect.ConstraintDef c) {
        return new Effect.ConstraintDef(
                n(c.name()),
                c.kind(),
                keys(c.columns()),
                n(c.referencedSchema()),
                n(c.referencedTable()),
                names(c.referencedColumns()),
                c.onDelete(),
                c.onUpdate(),
                unmask(c.checkExpression()));
    }
}
