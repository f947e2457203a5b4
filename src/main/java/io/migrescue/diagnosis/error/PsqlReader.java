package io.migrescue.diagnosis.error;

import io.migrescue.model.Engine;
import java.util.List;
import java.util.regex.Pattern;

/** psql running a file: {@code psql:migrations/003.sql:12: ERROR:  msg}, then libpq's DETAIL/HINT/LINE lines. */
final class PsqlReader implements WrapperReader {
    private static final Pattern PREFIX =
            Pattern.compile("psql:(?<file>[^\\s:][^:\\n]*):(?<line>\\d+): (?:ERROR|FATAL):\\s+");

    @Override
    public List<ErrorDraft> read(String text) {
        return WrapperReader.eachMatch(PREFIX, text, m -> {
            ErrorDraft d = new ErrorDraft("psql", m.start(), m.end()).engineHint(Engine.POSTGRESQL);
            d.report(PgReport.read(text, m.end()));
            d.migration = m.group("file");
            d.line = Text.toInt(m.group("line"));
            return d;
        });
    }
}
