package io.migrescue.backup;

import io.migrescue.sql.Dialect;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads a {@link RowFormat} file line by line and inserts the rows with multi-row INSERTs of bound values (a round
 * trip per thousand rows, not per row), committing once per table. Text is bound as text and binary as bytes, so
 * the server converts each value exactly as it would the original. Never more than one batch is in memory.
 */
final class MySqlRowLoader {
    private static final int MAX_ROWS = 1000;
    private static final int MAX_PLACEHOLDERS = 60_000; // the protocol allows 65,535 per statement

    private final Connection connection;
    private final String insertPrefix;
    private final String rowPlaceholders;
    private final int columns;
    private final int rowsPerBatch;
    private final long bytesPerBatch;

    /**
     * @param bytesPerBatch a batch is sent once its values reach this many characters (kept well below the server's
     *                      {@code max_allowed_packet})
     */
    MySqlRowLoader(
            Connection connection,
            Dialect dialect,
            String qualifiedTable,
            List<String> columnNames,
            long bytesPerBatch) {
        this.connection = connection;
        this.columns = columnNames.size();
        this.insertPrefix = "INSERT INTO " + qualifiedTable + " ("
                + String.join(", ", columnNames.stream().map(dialect::quote).toList()) + ") VALUES ";
        this.rowPlaceholders = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        this.rowsPerBatch = Math.max(1, Math.min(MAX_ROWS, MAX_PLACEHOLDERS / Math.max(1, columns)));
        this.bytesPerBatch = bytesPerBatch;
    }

    /** Inserts every row of {@code file}; returns how many. */
    long load(Path file, Progress progress) throws SQLException, IOException {
        long inserted = 0;
        long lineNumber = 0;
        List<Object[]> batch = new ArrayList<>(rowsPerBatch);
        long batchChars = 0;
        try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 256 * 1024);
                PreparedStatement full = connection.prepareStatement(sql(rowsPerBatch))) {
            for (String line; (line = in.readLine()) != null; ) {
                lineNumber++;
                try {
                    batch.add(RowFormat.parseRow(line, columns));
                } catch (IllegalArgumentException e) {
                    throw new IOException(
                            "line " + lineNumber + " of " + file.getFileName() + " is not a row: " + e.getMessage(), e);
                }
                batchChars += line.length();
                if (batch.size() == rowsPerBatch || batchChars >= bytesPerBatch) {
                    inserted += send(full, batch, progress);
                    batch.clear();
                    batchChars = 0;
                }
            }
            if (!batch.isEmpty()) {
                inserted += send(full, batch, progress);
            }
        }
        return inserted;
    }

    private long send(PreparedStatement full, List<Object[]> batch, Progress progress) throws SQLException {
        long n;
        if (batch.size() == rowsPerBatch) {
            n = execute(full, batch);
        } else {
            try (PreparedStatement ps = connection.prepareStatement(sql(batch.size()))) {
                n = execute(ps, batch);
            }
        }
        progress.advance(batch.size());
        return n;
    }

    private long execute(PreparedStatement ps, List<Object[]> batch) throws SQLException {
        int i = 1;
        for (Object[] row : batch) {
            for (Object value : row) {
                if (value == null) {
                    ps.setNull(i++, Types.NULL);
                } else if (value instanceof byte[] bytes) {
                    ps.setBytes(i++, bytes);
                } else {
                    ps.setString(i++, (String) value);
                }
            }
        }
        return ps.executeLargeUpdate();
    }

    private String sql(int rows) {
        StringBuilder sql = new StringBuilder(insertPrefix.length() + rows * (rowPlaceholders.length() + 1));
        sql.append(insertPrefix);
        for (int r = 0; r < rows; r++) {
            if (r > 0) {
                sql.append(',');
            }
            sql.append(rowPlaceholders);
        }
        return sql.toString();
    }
}
