package io.migrescue.migration.code;

import io.migrescue.migration.code.Node.Arr;
import io.migrescue.migration.code.Node.Assign;
import io.migrescue.migration.code.Node.ClassDef;
import io.migrescue.migration.code.Node.Def;
import io.migrescue.migration.code.Node.Func;
import io.migrescue.migration.code.Node.Ident;
import io.migrescue.migration.code.Node.Num;
import io.migrescue.migration.code.Node.Obj;
import io.migrescue.migration.code.Node.Str;
import io.migrescue.migration.code.Node.Sym;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Reading literal values and the migration's methods out of parsed code; shared by the tools' readers. */
public final class Code {
    private Code() {}

    /** A string, a symbol or a number as text; null for anything computed. */
    public static String str(Node n) {
        if (n instanceof Str s) {
            return s.value();
        }
        if (n instanceof Sym s) {
            return s.name();
        }
        if (n instanceof Num num) {
            return num.value();
        }
        return null;
    }

    public static Integer integer(Node n) {
        String s = n instanceof Num num ? num.value() : null;
        try {
            return s == null ? null : Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code true}/{@code false}; null when not a boolean literal. */
    public static Boolean bool(Node n) {
        if (n instanceof Ident id) {
            return switch (id.name()) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> null;
            };
        }
        return null;
    }

    public static boolean isNull(Node n) {
        return n instanceof Ident id
                && (id.name().equals("null")
                        || id.name().equals("nil")
                        || id.name().equals("undefined"));
    }

    /** One name or an array of names; null when any is computed. */
    public static List<String> names(Node n) {
        if (n instanceof Arr a) {
            List<String> out = new ArrayList<>();
            for (Node item : a.items()) {
                String s = str(item);
                if (s == null) {
                    return null;
                }
                out.add(s);
            }
            return out;
        }
        String s = str(n);
        return s == null ? null : List.of(s);
    }

    public static Obj obj(Node n) {
        return n instanceof Obj o ? o : null;
    }

    /** The method or function named {@code name} (the migration's {@code up}, {@code change}) anywhere in the code. */
    public static Optional<Func> function(List<Node> program, String name) {
        for (Node n : program) {
            Optional<Func> f = function(n, name, 0);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    private static Optional<Func> function(Node n, String name, int depth) {
        if (depth > 8) {
            return Optional.empty();
        }
        if (n instanceof Def d && d.name().equals(name)) {
            return Optional.of(d.func());
        }
        if (n instanceof Assign a) {
            if ((a.name().equals(name) || a.name().endsWith("." + name)) && a.value() instanceof Func f) {
                return Optional.of(f);
            }
            return function(a.value(), name, depth + 1);
        }
        if (n instanceof Obj o) {
            if (o.get(name) instanceof Func f) {
                return Optional.of(f);
            }
            for (Node v : o.entries().values()) {
                Optional<Func> found = function(v, name, depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (n instanceof ClassDef c) {
            for (Node m : c.members()) {
                Optional<Func> found = function(m, name, depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** The first class in the code, at the top or assigned ({@code module.exports = class …}). */
    public static Optional<ClassDef> firstClass(List<Node> program) {
        for (Node n : program) {
            if (n instanceof ClassDef c) {
                return Optional.of(c);
            }
            if (n instanceof Assign a && a.value() instanceof ClassDef c) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The source files with these extensions directly in {@code dir} ({@code .d.ts} declarations left out). */
    public static List<Path> files(Path dir, String... extensions) throws IOException {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        if (name.endsWith(".d.ts")) {
                            return false;
                        }
                        for (String ext : extensions) {
                            if (name.endsWith(ext)) {
                                return true;
                            }
                        }
                        return false;
                    })
                    .sorted()
                    .toList();
        }
    }
}
