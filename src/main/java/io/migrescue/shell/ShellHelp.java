package io.migrescue.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code help}: what each command does, in one line, and how it is typed in the shell. */
final class ShellHelp {
    record Entry(String summary, List<String> examples) {}

    /** Every command of the shell, in the order of a repair. A test checks that none is missing. */
    static final Map<String, Entry> ENTRIES = entries();

    private ShellHelp() {}

    private static Map<String, Entry> entries() {
        Map<String, Entry> m = new LinkedHashMap<>();
        m.put(
                "connect",
                new Entry(
                        "connect to the database; every later command uses it (the password is asked for, not echoed)",
                        List.of(
                                "connect mariadb://app@db.internal:3306/shop --migrations db/migration",
                                "connect postgresql://app@db/app --schema billing",
                                "connect --project ~/code/shop")));
        m.put(
                "status",
                new Entry(
                        "engine, version, schemas, and each migration tool's failed, dirty or locked entries",
                        List.of("status", "status --format json")));
        m.put(
                "diagnose",
                new Entry(
                        "what failed and why, what is already in effect, which repair fits (read-only)",
                        List.of(
                                "diagnose            (then paste the error output; end with an empty line or a line with just .)",
                                "diagnose --error-file deploy.log --migrations db/migration")));
        m.put(
                "preflight",
                new Entry(
                        "before the deploy: which pending migration will fail here, why, and the fix (read-only)",
                        List.of("preflight --migrations db/migration", "preflight --format markdown > preflight.md")));
        m.put(
                "explain",
                new Entry(
                        "what an error text means, without the database",
                        List.of("explain             (then paste the error)", "explain --error-file deploy.log")));
        m.put(
                "playbooks",
                new Entry(
                        "the repairs migrescue knows, and what each one does",
                        List.of("playbooks", "playbooks show rename-conflicting-constraint")));
        m.put(
                "history",
                new Entry(
                        "the migration history as the migration tool recorded it",
                        List.of("history", "history --tool flyway")));
        m.put(
                "plan",
                new Entry(
                        "the repair as a dry run: backup, every statement, the checks; changes nothing",
                        List.of("plan", "plan fix-orphan-rows --param policy=delete")));
        m.put(
                "repair",
                new Entry(
                        "back up, then walk the repair step by step: each step explained, its SQL shown, asked about",
                        List.of(
                                "repair              (the top recommendation of diagnose)",
                                "repair rename-conflicting-constraint --param suffix=_v1",
                                "at each step: [y]es run it, [n]o stop here (resume later), [s]kip it, [a]bort (and roll back), [e]dit parameters")));
        m.put(
                "resume",
                new Entry(
                        "continue a stopped repair from its journal, or roll it back",
                        List.of(
                                "resume              (the last repair of this session, else the newest under ./migrescue-backups)",
                                "resume --rollback",
                                "resume --from migrescue-backups/20261121T084400Z")));
        m.put(
                "backup",
                new Entry(
                        "back up tables (definition and rows) with a verified manifest",
                        List.of("backup --table orders --table billing.invoices --to ./before-fix")));
        m.put("restore", new Entry("put a backup back (asks first)", List.of("restore --from ./before-fix")));
        m.put(
                "diff",
                new Entry(
                        "drift between two live databases, and the script that removes it",
                        List.of(
                                "diff --source postgresql://app@staging/app     (compared with the connected database)",
                                "diff --source postgresql://app@staging/app --target postgresql://app@prod/app",
                                "diff --source mariadb://app@staging/shop --target mariadb://app@prod/shop --format sql")));
        m.put(
                "demo",
                new Entry(
                        "break a scratch database the way field report 05 did, to try migrescue on it",
                        List.of("demo", "demo --drop mrdemo_1234")));
        m.put("help", new Entry("this list, or one command in full", List.of("help", "help repair")));
        m.put("exit", new Entry("leave the shell (also quit, or Ctrl-D)", List.of("exit")));
        return m;
    }

    static String overview(Style style) {
        StringBuilder out = new StringBuilder();
        out.append(style.bold("Commands"))
                .append(" (Tab completes commands, options and playbook ids; help COMMAND for all its options)\n\n");
        ENTRIES.forEach((name, e) -> {
            out.append("  ")
                    .append(style.accent(String.format("%-10s", name)))
                    .append(e.summary())
                    .append('\n');
            out.append("  ")
                    .append(" ".repeat(10))
                    .append(style.dim("e.g. " + e.examples().get(0)))
                    .append('\n');
        });
        out.append('\n')
                .append("Connection options given once to connect are used by every command; a command can still name")
                .append('\n')
                .append("another database with --url. Ctrl-C cancels the line or the question; Ctrl-D leaves.\n");
        return out.toString();
    }

    static String examples(String command, Style style) {
        Entry e = ENTRIES.get(command);
        if (e == null) {
            return "";
        }
        StringBuilder out =
                new StringBuilder("\n").append(style.bold("In the shell")).append('\n');
        e.examples().forEach(x -> out.append("  ").append(x).append('\n'));
        return out.toString();
    }
}
