package io.migrescue.diagnosis.error;

import io.migrescue.model.Engine;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * sequelize-cli: {@code == 20240102000000-create-orders: migrating =======}, then {@code ERROR: Validation error} (all
 * it says of a unique violation) with PostgreSQL's {@code ERROR DETAIL: Key (email)=(a) is duplicated.}, and with
 * {@code --debug} the server's own message as {@code EXTRA MESSAGE:}. Without a DETAIL or an EXTRA MESSAGE there is
 * nothing to read, and the other readers are left to it.
 */
final class SequelizeReader implements WrapperReader {
    private static final Pattern MIGRATING = Pattern.compile("== (?<m>[^:\\n]+): migrating =+");
    private static final Pattern ERROR = Pattern.compile("(?m)^ERROR: (?<msg>[^\\n]*)");
    private static final Pattern DETAIL = Pattern.compile("(?m)^ERROR DETAIL: (?<detail>[^\\n]*)");
    private static final Pattern DUPLICATE_KEY =
            Pattern.compile("Key \\(.*\\)=\\(.*\\) (?:is duplicated|already exists)\\.");
    private static final Pattern EXTRA = Pattern.compile("(?m)^EXTRA MESSAGE: (?<extra>[^\\n]*)");

    @Override
    public List<ErrorDraft> read(String text) {
        Matcher migrating = MIGRATING.matcher(text);
        if (!migrating.find()) {
            return List.of();
        }
        Matcher error = ERROR.matcher(text);
        if (!error.find(migrating.end())) {
            return List.of();
        }
        Matcher detail = DETAIL.matcher(text);
        Matcher extra = EXTRA.matcher(text);
        boolean hasDetail = detail.find(error.start());
        boolean hasExtra = extra.find(error.start());
        if (!hasDetail && !hasExtra) {
            return List.of();
        }
        int end = Math.max(hasDetail ? detail.end() : error.end(), hasExtra ? extra.end() : error.end());
        ErrorDraft d = new ErrorDraft("sequelize", migrating.start(), end);
        d.message(hasExtra ? extra.group("extra") : error.group("msg"));
        if (hasDetail) {
            d.detail = detail.group("detail").strip();
            if (d.detail.startsWith("Key (")) {
                d.engineHint(Engine.POSTGRESQL); // the DETAIL line is PostgreSQL's
            }
            if (DUPLICATE_KEY.matcher(d.detail).matches()) {
                d.sqlState("23505"); // "Validation error" is Sequelize's name for PostgreSQL's unique violation
            }
        }
        return List.of(d);
    }
}
