package io.migrescue.diff;

import io.migrescue.model.Engine;
import java.util.List;

/**
 * What {@link SchemaDiff} found.
 *
 * @param differences schemas, types and sequences first, then table by table, then migration histories
 * @param matching    how the tables were paired (and which moved to another schema)
 * @param coverage    which object kinds were compared, which not and why
 */
public record DiffResult(Engine engine, List<Difference> differences, Matching matching, Coverage coverage) {
    public DiffResult {
        differences = List.copyOf(differences);
    }

    public boolean same() {
        return differences.isEmpty();
    }

    public List<Difference> schemaDifferences() {
        return differences.stream().filter(d -> !d.kind().isHistory()).toList();
    }

    public List<Difference> historyDifferences() {
        return differences.stream().filter(d -> d.kind().isHistory()).toList();
    }
}
