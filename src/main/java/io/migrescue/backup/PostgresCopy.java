package io.migrescue.backup;

import io.migrescue.sql.Dialect;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.postgresql.copy.CopyManager;

/** Copies a table's backed-up rows into a table with {@code COPY … FROM STDIN}, counting them against the manifest. */
record PostgresCopy(CopyManager copier, Dialect dialect, Path dir, Progress progress) {

    /** @param target the table the rows go to, quoted: the backed-up one or a temporary one like it */
    long in(BackedUpTable t, String target) throws SQLException, IOException {
        String sql = "COPY " + target + " (" + columnList(t.columns(), "") + ") FROM STDIN";
        progress.start(t.qualifiedName(), t.rows());
        long rows;
        try (InputStream in = new LineProgressInput(
                new BufferedInputStream(
                        Files.newInputStream(dir.resolve(t.data().file())), 256 * 1024),
                progress)) {
            rows = copier.copyIn(sql, in);
        } finally {
            progress.done();
        }
        if (rows != t.rows()) {
            throw Failures.stopped("restore rolled back, nothing changed: COPY read " + rows + " rows into "
                    + t.qualifiedName() + ", the backup holds " + t.rows());
        }
        return rows;
    }

    /** The columns quoted, each after {@code prefix} (a table alias with its dot, or nothing). */
    String columnList(List<String> columns, String prefix) {
        return columns.stream().map(c -> prefix + dialect.quote(c)).collect(Collectors.joining(", "));
    }
}
