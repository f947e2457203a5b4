package io.migrescue.diagnosis.error;

import io.migrescue.model.Engine;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * node-pg-migrate's {@code up}: a {@code ### MIGRATION 1700000000001_add-index (UP) ###} header per migration with
 * its SQL, then {@code Error executing:}, the SQL of the migration that failed and node-postgres' {@code error: msg};
 * after {@code > Rolling back attempted migration ...} the error again with the driver's property dump
 * ({@code code: '23505'}, {@code detail: …}). The migration that failed is the last header before
 * {@code Error executing:}, not the first pending file: by default (single transaction) every pending migration of
 * the run is rolled back, the ones before the failed one included.
 */
final class NodePgMigrateReader implements WrapperReader {
    private static final Pattern HEADER = Pattern.compile("(?m)^### MIGRATION (?<name>\\S+) \\(UP\\) ###[ \\t]*$");
    private static final Pattern EXECUTING = Pattern.compile("(?m)^Error executing:[ \\t]*$");
    private static final Pattern MESSAGE = Pattern.compile("(?m)^error: (?<msg>[^\\n]*)$");

    @Override
    public List<ErrorDraft> read(String text) {
        if (!text.contains("Error executing:")) {
            return List.of(); // node-pg-migrate's own line: without it the text is not this tool's
        }
        Matcher executing = EXECUTING.matcher(text);
        if (!executing.find()) {
            return List.of();
        }
        Matcher message = MESSAGE.matcher(text);
        if (!message.find(executing.end())) {
            return List.of();
        }
        String migration = null;
        int start = executing.start();
        Matcher header = HEADER.matcher(text);
        while (header.find() && header.start() < executing.start()) {
            migration = header.group("name");
            start = header.start();
        }
        ErrorDraft d = new ErrorDraft("node-pg-migrate", start, message.end());
        d.migration = migration;
        d.message(message.group("msg"));
        NodeErrorDump dump = NodeErrorDump.find(text, message.end());
        if (dump != null) {
            dump.copyTo(d);
        }
        d.engineHint(Engine.POSTGRESQL); // node-pg-migrate runs on PostgreSQL only
        return List.of(d);
    }
}
