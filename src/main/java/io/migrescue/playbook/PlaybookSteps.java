package io.migrescue.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A playbook's steps as written: one kind with its arguments, each argument's parameters declared. */
final class PlaybookSteps {
    static final Pattern TEMPLATE = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");
    static final Pattern SQL_IDENTIFIER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    static final Pattern SQL_VALUE = Pattern.compile(":([A-Za-z][A-Za-z0-9]*)");

    private PlaybookSteps() {}

    static StepSpec step(PlaybookNode node, String where, Set<String> params) {
        String kind;
        PlaybookNode args;
        if (node.isTextual()) {
            kind = node.asText();
            args = PlaybookNode.mapping(new java.util.LinkedHashMap<>());
        } else if (node.isObject() && node.size() == 1) {
            kind = node.fields().keySet().iterator().next();
            args = node.get(kind);
        } else {
            throw new PlaybookException(
                    where + ": a step is one kind with its arguments, e.g. '- backup: {tables: [\"${table}\"]}'");
        }
        StepSpec step = switch (kind) {
            case "backup" ->
                new StepSpec.Backup(
                        strings(args.path("tables"), where), args.path("data").asBoolean(true));
            case "explain" -> new StepSpec.Explain(args.asText());
            case "rename-constraint" ->
                new StepSpec.RenameConstraint(
                        arg(args, "table", where), arg(args, "from", where), arg(args, "to", where));
            case "free-constraint-names" ->
                new StepSpec.FreeConstraintNames(arg(args, "table", where), arg(args, "suffix", where));
            case "create-table-from" -> {
                String source = arg(args, "source", where);
                if (!source.equals("migrations")) {
                    throw new PlaybookException(where + ": create-table-from takes source: migrations");
                }
                yield new StepSpec.CreateTableFrom(arg(args, "table", where), source);
            }
            case "rebuild-index" -> new StepSpec.RebuildIndex(arg(args, "table", where), arg(args, "index", where));
            case "align-fk-columns" -> new StepSpec.AlignFkColumns(arg(args, "widen", where));
            case "drop-constraint" -> new StepSpec.DropConstraint(arg(args, "table", where), arg(args, "name", where));
            case "rename-table" -> new StepSpec.RenameTable(arg(args, "from", where), arg(args, "to", where));
            case "finish-migration" ->
                new StepSpec.FinishMigration(args.path("skipFailed").asBoolean(false));
            case "revert-migration" -> new StepSpec.RevertMigration(arg(args, "tables", where));
            case "settle-dirty-version" ->
                new StepSpec.SettleDirty(args.path("direction").asText("auto"), arg(args, "tables", where));
            case "fix-orphans" -> new StepSpec.FixOrphans(arg(args, "policy", where), optional(args, "grandchildren"));
            case "remove-duplicates" ->
                new StepSpec.RemoveDuplicates(arg(args, "keep", where), optional(args, "children"));
            case "wait-for-locks" -> new StepSpec.WaitForLocks(arg(args, "terminate", where));
            case "fill-nulls" -> new StepSpec.FillNulls(arg(args, "value", where));
            case "fix-check-rows" ->
                new StepSpec.FixCheckRows(
                        arg(args, "policy", where),
                        optional(args, "column"),
                        optional(args, "value"),
                        optional(args, "referencing"));
            case "fix-unfit-rows" ->
                new StepSpec.FixUnfitRows(
                        arg(args, "policy", where), optional(args, "value"), optional(args, "referencing"));
            case "sql" -> new StepSpec.Sql(args.isTextual() ? args.asText() : arg(args, "text", where));
            case "record" -> {
                String what = args.asText();
                if (!StepSpec.Record.WHATS.contains(what)) {
                    throw new PlaybookException(where + ": record must be one of " + StepSpec.Record.WHATS);
                }
                yield new StepSpec.Record(what);
            }
            case "verify" -> {
                List<CheckName> checks = new ArrayList<>();
                for (String c : strings(args, where)) {
                    checks.add(CheckName.fromId(c)
                            .orElseThrow(() -> new PlaybookException(
                                    where + ": unknown check '" + c + "'; known: " + CheckName.ids())));
                }
                yield new StepSpec.Verify(checks);
            }
            default -> throw new PlaybookException(where + ": unknown step kind '" + kind + "'");
        };
        checkTemplates(args.toString(), where, params);
        if (step instanceof StepSpec.Sql sql) {
            for (Pattern p : List.of(SQL_IDENTIFIER, SQL_VALUE)) {
                Matcher m = p.matcher(sql.text());
                while (m.find()) {
                    if (!params.contains(m.group(1))) {
                        throw new PlaybookException(where + ": sql uses undeclared parameter '" + m.group(1) + "'");
                    }
                }
            }
        }
        return step;
    }

    private static void checkTemplates(String text, String where, Set<String> params) {
        Matcher m = TEMPLATE.matcher(text);
        while (m.find()) {
            if (!params.contains(m.group(1))) {
                throw new PlaybookException(where + ": uses undeclared parameter '${" + m.group(1) + "}'");
            }
        }
    }

    private static String arg(PlaybookNode args, String field, String where) {
        PlaybookNode n = args.get(field);
        if (n == null || n.isNull() || n.asText().isBlank()) {
            throw new PlaybookException(where + ": argument '" + field + "' is required");
        }
        return n.asText();
    }

    private static String optional(PlaybookNode args, String field) {
        PlaybookNode n = args.get(field);
        return n == null || n.isNull() || n.asText().isBlank() ? null : n.asText();
    }

    private static List<String> strings(PlaybookNode n, String where) {
        if (!n.isArray()) {
            throw new PlaybookException(where + ": expected a list");
        }
        List<String> out = new ArrayList<>();
        n.elements().forEach(x -> out.add(x.asText()));
        return out;
    }
}
