package io.migrescue.diagnosis.error;

import io.migrescue.model.Engine;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Knex: {@code migration file "20240101_x.js" failed}, then {@code migration failed with error: <sql> - <message>},
 * the message being node-postgres' ({@code relation "x" already exists}) or mysql's with its symbolic code
 * ({@code ER_TABLE_EXISTS_ERROR: Table 'x' already exists}); the driver's property dump may follow.
 */
final class KnexReader implements WrapperReader {
    private static final Pattern FILE = Pattern.compile("migration file \"(?<file>[^\"]+)\" failed");
    private static final Pattern WITH_ERROR = Pattern.compile("migration failed with error: ");
    private static final Pattern SYMBOLIC =
            Pattern.compile("^(?<symbol>ER_\\w+|WARN_\\w+): (?<msg>.*)$", Pattern.DOTALL);

    @Override
    public List<ErrorDraft> read(String text) {
        Matcher file = FILE.matcher(text);
        boolean hasFile = file.find();
        Matcher with = WITH_ERROR.matcher(text);
        if (!with.find()) {
            return List.of();
        }
        int bodyEnd = bodyEnd(text, with.end());
        String body = text.substring(with.end(), bodyEnd);
        ErrorDraft d = new ErrorDraft("knex", hasFile ? file.start() : with.start(), bodyEnd);
        if (hasFile) {
            d.migration = file.group("file");
        }
        int split = body.indexOf(" - ER_");
        if (split < 0) {
            split = body.lastIndexOf(" - ");
        }
        String message = split < 0 ? body : body.substring(split + 3);
        if (split >= 0) {
            d.statement(body.substring(0, split));
        }
        Matcher symbolic = SYMBOLIC.matcher(message);
        if (symbolic.matches()) {
            d.vendorCode(MySqlSymbols.code(symbolic.group("symbol"))).engineHint(Engine.MYSQL);
            message = symbolic.group("msg");
        }
        d.message(message.replaceAll("\\s*\\n\\s*", " "));
        NodeErrorDump dump = NodeErrorDump.find(text, bodyEnd);
        if (dump != null) {
            dump.copyTo(d);
            d.engineHint(dump.postgres() ? Engine.POSTGRESQL : Engine.MYSQL);
        }
        return List.of(d);
    }

    /** The knex message is "sql - message" on one line, unless the SQL itself has line breaks. */
    private static int bodyEnd(String text, int from) {
        int at = from;
        for (int lines = 0; lines < 200 && at < text.length(); lines++) {
            int end = Text.lineEnd(text, at);
            if (text.substring(at, end).contains(" - ")) {
                return end;
            }
            at = end + 1;
        }
        return Text.lineEnd(text, from);
    }
}
