package io.migrescue.diagnosis;

import io.migrescue.sql.Effect;
import io.migrescue.sql.SqlStatement;
import java.util.List;

/** A statement of the migration with what it means to do. */
public record StatementWithEffects(SqlStatement statement, List<Effect> effects) {
    public StatementWithEffects {
        effects = List.copyOf(effects);
    }
}
