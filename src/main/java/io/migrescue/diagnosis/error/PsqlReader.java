package io.migrescue.diagnosis.error;

import io.migrescue.model.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** psql running a file: {@code psql:migrations/003.sql:12: ERROR:  msg}, then libpq's DETAIL/HINT/LINE lines. */
final class PsqlReader implements WrapperReader {
    private static final Pattern PREFIX =
            Pattern.compile("psql:(?<file>[^\\s:][^:\\n]*):(?<line>\\d+): (?:ERROR|FATAL):\\s+");

    @Override
    public List<ErrorDraft> read(String text) {
        List<ErrorDraft> found = new ArrayList<>();
        Matcher m = PREFIX.matcher(text);
        while (found.size() < MAX_DRAFTS && m.find()) {
            ErrorDraft d = new ErrorDraft("psql", m.start(), m.end()).engineHint(Engine.POSTGRESQL);
            d.report(PgReport.read(text, m.end()));
            d.migration = m.group("file");
            d.line = Text.toInt(m.group("line"));
            found.add(d);
        }
        return found;
    }
}
