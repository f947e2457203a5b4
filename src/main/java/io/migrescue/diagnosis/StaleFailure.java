package io.migrescue.diagnosis;

import java.util.ArrayList;
import java.util.List;

/**
 * A migration the error text says failed at statement N, finished by hand since (the data fixed, the rest run): every
 * statement is in effect now, the one the error names too. For tools that record no failed run (Knex, Sequelize,
 * TypeORM, Rails, Django) nothing else says the error is old, so the map would keep calling that statement "failed"
 * and the migration half applied. It counts as applied, with the reason saying why, only when the whole migration is
 * in effect in the shape it means: a table with columns it does not make, or a column of another type, is not its.
 */
public final class StaleFailure {
    private StaleFailure() {}

    /**
     * @param hinted the map built with the statement the error names as the failed one
     * @return the map without that assumption when the migration is wholly in effect now; else {@code hinted}
     */
    public static List<StatementVerdict> reconsider(
            List<StatementWithEffects> statements, CatalogLookup lookup, List<StatementVerdict> hinted) {
        if (hinted.stream().noneMatch(v -> v.state() == StatementState.FAILED)) {
            return hinted;
        }
        List<StatementVerdict> now = PartialApplicationMap.build(statements, lookup, null);
        boolean whole = !now.isEmpty() && now.stream().allMatch(v -> v.state() == StatementState.APPLIED);
        if (!whole
                || ColumnShapes.otherType(now, lookup) != null
                || UnrecordedMigrations.otherShape(
                                new MappedMigration(null, now), List.of(new MappedMigration(null, now)), lookup)
                        != null) {
            return hinted;
        }
        List<StatementVerdict> verdicts = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            StatementVerdict v = now.get(i);
            boolean named = hinted.get(i).state() == StatementState.FAILED;
            verdicts.add(
                    !named
                            ? v
                            : v.judged(
                                    v.state(),
                                    v.reason()
                                            + ", although the error names it as failed: the error text is older than the database state",
                                    null));
        }
        return verdicts;
    }
}
