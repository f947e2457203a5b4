package io.migrescue.diagnosis.error;

import io.migrescue.model.Engine;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Django's {@code manage.py migrate}: {@code Applying blog.0002_add_slug...} then a traceback ending in
 * {@code django.db.utils.ProgrammingError: relation "x" already exists} (psycopg's own exception, with its class
 * name, is printed above it) or, on MySQL, {@code django.db.utils.OperationalError: (1050, "Table 'x' already exists")}.
 */
final class DjangoReader implements WrapperReader {
    private static final Pattern ERROR = Pattern.compile("django\\.db\\.utils\\.\\w+: (?<rest>[^\\n]*)");
    private static final Pattern APPLYING = Pattern.compile("Applying (?<m>\\w+\\.\\w+)\\.\\.\\.(?! OK)");

    @Override
    public List<ErrorDraft> read(String text) {
        Matcher m = ERROR.matcher(text);
        if (!m.find()) {
            return List.of();
        }
        ErrorDraft d = new ErrorDraft("django", m.start(), m.end());
        if (!PythonErrors.readMySql(m.group("rest"), d)) {
            d.sqlState(PythonErrors.pgState(text));
            d.report(PgReport.read(text, m.start("rest")));
            if (d.sqlState != null || text.contains("psycopg")) {
                d.engineHint(Engine.POSTGRESQL);
            }
        }
        MatchResult applying = Text.lastBefore(APPLYING, text, m.start());
        if (applying != null) {
            d.migration = applying.group(1);
        }
        return List.of(d);
    }
}
