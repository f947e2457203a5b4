package io.migrescue.catalog;

import io.migrescue.model.Sequence;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A sequence as PostgreSQL's catalog queries return it, whichever query: the options under the same column names. */
public final class SequenceRow {
    private SequenceRow() {}

    /** @param schemaColumn the column that holds the sequence's schema */
    public static Sequence read(ResultSet rs, String schemaColumn) throws SQLException {
        return new Sequence(
                rs.getString(schemaColumn),
                rs.getString("sequence_name"),
                rs.getString("data_type"),
                rs.getLong("start_value"),
                rs.getLong("increment"),
                rs.getLong("min_value"),
                rs.getLong("max_value"),
                rs.getLong("cache_size"),
                rs.getBoolean("cycle"));
    }
}
