package io.migrescue.diagnosis.error;

import io.migrescue.model.Engine;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alembic and SQLAlchemy: {@code sqlalchemy.exc.ProgrammingError: (psycopg2.errors.DuplicateTable) relation "x"
 * already exists} (libpq DETAIL lines may follow), {@code (pymysql.err.OperationalError) (1050, "Table 'x' already
 * exists")}, then {@code [SQL: …]} and {@code (Background on this error at: …)}. The migration comes from
 * {@code Running upgrade abc -> def, message}.
 */
final class AlembicReader implements WrapperReader {
    private static final Pattern ERROR = Pattern.compile(
            "sqlalchemy\\.exc\\.\\w+: \\((?<driver>[\\w.]+)\\) (?:<class '(?<cls>[\\w.]+)'>: )?(?<rest>[^\\n]*)");
    private static final Pattern SQL = Pattern.compile("\\[SQL: ");
    private static final Pattern SQL_END =
            Pattern.compile("\\]\\s*\\n\\s*(?:\\[parameters:|\\(Background on this error)|\\]\\s*$");
    private static final Pattern UPGRADE =
            Pattern.compile("Running (?:upgrade|downgrade) (?<from>\\S*) -> (?<to>\\w+), (?<msg>[^\\n]*)");

    @Override
    public List<ErrorDraft> read(String text) {
        Matcher m = ERROR.matcher(text);
        if (!m.find()) {
            return List.of();
        }
        ErrorDraft d = new ErrorDraft("alembic", m.start(), m.end());
        String driver = m.group("driver");
        if (!PythonErrors.readMySql(m.group("rest"), d)) {
            d.sqlState(PgConditionNames.sqlState(m.group("cls") != null ? m.group("cls") : driver));
            if (driver.contains("psycopg")
                    || driver.contains("asyncpg")
                    || driver.contains("pg8000")
                    || d.sqlState != null) {
                d.engineHint(Engine.POSTGRESQL);
            }
            d.report(PgReport.read(text, m.start("rest")));
        }
        Matcher sql = SQL.matcher(text);
        if (sql.find(m.end())) {
            Matcher end = SQL_END.matcher(text);
            int stop = end.find(sql.end()) ? end.start() : Text.lineEnd(text, sql.end());
            d.statement(text.substring(sql.end(), stop));
            d.end = Math.max(d.end, stop + 1);
        }
        MatchResult upgrade = Text.lastBefore(UPGRADE, text, m.start());
        if (upgrade != null) {
            d.version = upgrade.group(2);
            d.migration = upgrade.group(3).strip();
        }
        return List.of(d);
    }
}
