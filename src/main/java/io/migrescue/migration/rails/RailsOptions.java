package io.migrescue.migration.rails;

import io.migrescue.migration.code.Code;
import io.migrescue.migration.code.Node;
import io.migrescue.migration.code.Node.Ident;
import io.migrescue.migration.code.Node.Obj;
import java.util.List;

/** The options hash of a call ({@code null: false, index: true}): what is known, defaults, single values. */
final class RailsOptions {
    private RailsOptions() {}

    /** ActiveRecord 6.1+: {@code add_timestamps} makes NOT NULL columns with precision 6 unless told otherwise. */
    static Obj timestampOptions(Obj given) {
        java.util.Map<String, Node> o = new java.util.LinkedHashMap<>();
        o.put("precision", new Node.Num("6", 0, "6"));
        o.put("null", new Ident("false", 0, "false"));
        if (given != null) {
            o.putAll(given.entries());
        }
        return new Obj(o, 0, "");
    }

    static Obj withoutKeys(Obj options, String... keys) {
        if (options == null) {
            return null;
        }
        java.util.Map<String, Node> o = new java.util.LinkedHashMap<>(options.entries());
        for (String k : keys) {
            o.remove(k);
        }
        return new Obj(o, options.line(), options.text());
    }

    static boolean known(Obj options, String... keys) {
        return options == null || List.of(keys).containsAll(options.entries().keySet());
    }

    static boolean knownIndexOptions(Obj options) {
        return known(options, "name", "unique", "where", "using", "algorithm", "if_not_exists");
    }

    static boolean unique(Obj options) {
        return options != null && Boolean.TRUE.equals(Code.bool(options.get("unique")));
    }

    static String opt(Obj options, String key) {
        return options == null ? null : Code.str(options.get(key));
    }
}
