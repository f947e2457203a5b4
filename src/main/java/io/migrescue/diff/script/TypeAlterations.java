package io.migrescue.diff.script;

import io.migrescue.model.DefinedObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A domain or composite type changed in place, so that the columns using it stay: a domain's default, NOT NULL and
 * CHECKs one by one ({@code ALTER DOMAIN}), a composite type's attributes added, dropped or retyped
 * ({@code ALTER TYPE}).
 * Their definitions are read one part a line ({@code catalog/postgresql/defined_types.sql}). A domain's base type
 * cannot be altered: empty then, and the type is recreated.
 */
final class TypeAlterations {
    private TypeAlterations() {}

    /** The statements that turn {@code from} into {@code to}, or empty when they cannot. */
    static Optional<List<String>> alter(DefinedObject to, DefinedObject from) {
        return to.kind().equals("domain") ? domain(to, from) : composite(to, from);
    }

    private static Optional<List<String>> domain(DefinedObject to, DefinedObject from) {
        List<String> want = lines(to.definition());
        List<String> have = lines(from.definition());
        if (!want.get(0).equals(have.get(0))) {
            return Optional.empty();
        }
        String alter = "ALTER DOMAIN " + name(to.drop(), "DROP DOMAIN ") + " ";
        List<String> out = new ArrayList<>();
        for (String line : have) {
            if (!want.contains(line)) {
                if (line.startsWith("DEFAULT ") && want.stream().noneMatch(l -> l.startsWith("DEFAULT "))) {
                    out.add(alter + "DROP DEFAULT");
                } else if (line.equals("NOT NULL")) {
                    out.add(alter + "DROP NOT NULL");
                } else if (line.startsWith("CONSTRAINT ")) {
                    out.add(alter + "DROP " + constraintName(line));
                }
            }
        }
        for (String line : want) {
            if (!have.contains(line)) {
                if (line.startsWith("DEFAULT ")) {
                    out.add(alter + "SET " + line);
                } else if (line.equals("NOT NULL")) {
                    out.add(alter + "SET NOT NULL");
                } else if (line.startsWith("CONSTRAINT ")) {
                    out.add(alter + "ADD " + line);
                }
            }
        }
        return Optional.of(out);
    }

    private static Optional<List<String>> composite(DefinedObject to, DefinedObject from) {
        Map<String, String> want = attributes(to.definition());
        Map<String, String> have = attributes(from.definition());
        String alter = "ALTER TYPE " + name(to.drop(), "DROP TYPE ") + " ";
        List<String> out = new ArrayList<>();
        have.keySet().stream().filter(a -> !want.containsKey(a)).forEach(a -> out.add(alter + "DROP ATTRIBUTE " + a));
        want.forEach((a, type) -> {
            if (!have.containsKey(a)) {
                out.add(alter + "ADD ATTRIBUTE " + a + " " + type);
            } else if (!have.get(a).equals(type)) {
                out.add(alter + "ALTER ATTRIBUTE " + a + " TYPE " + type);
            }
        });
        return Optional.of(out);
    }

    /** {@code "quoted name" type} lines: by the quoted name (a name never holds ",\n" in practice). */
    private static Map<String, String> attributes(String definition) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : definition.split(",\n")) {
            int space = line.startsWith("\"") ? line.indexOf("\" ", 1) + 1 : line.indexOf(' ');
            out.put(line.substring(0, space), line.substring(space + 1));
        }
        return out;
    }

    private static List<String> lines(String definition) {
        return List.of(definition.split("\n"));
    }

    /** {@code CONSTRAINT "name" CHECK (…)} → {@code CONSTRAINT "name"} */
    private static String constraintName(String line) {
        String rest = line.substring("CONSTRAINT ".length());
        int end = rest.startsWith("\"") ? rest.indexOf("\" ", 1) + 1 : rest.indexOf(' ');
        return "CONSTRAINT " + rest.substring(0, end);
    }

    /** The quoted qualified name from the object's own drop statement. */
    private static String name(String drop, String prefix) {
        return drop.substring(prefix.length());
    }
}
