package io.migrescue.diagnosis.error;

import io.migrescue.model.Engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/** The mysql/mariadb client and Go's MySQL driver ({@link MySqlErrorLine}); a batch run names the line and file. */
final class MySqlCliReader implements WrapperReader {
    @Override
    public List<ErrorDraft> read(String text) {
        List<ErrorDraft> found = new ArrayList<>();
        Matcher m = MySqlErrorLine.PATTERN.matcher(text);
        while (m.find()) {
            ErrorDraft d = new ErrorDraft("mysql-cli", m.start(), m.end()).engineHint(Engine.MYSQL);
            d.vendorCode(Text.toInt(m.group("code"))).sqlState(m.group("state"));
            d.message(m.group("message"));
            d.line = Text.toInt(m.group("line"));
            d.migration = m.group("file");
            found.add(d);
        }
        return found;
    }
}
