package io.migrescue.app;

import io.migrescue.diagnosis.CatalogLookup;
import io.migrescue.diagnosis.DataQuestion;
import io.migrescue.diagnosis.Finding;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.evidence.DataEvidence;
import io.migrescue.model.Index;
import io.migrescue.model.Table;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * An INVALID unique index cannot be rebuilt while duplicate keys remain: the finding says how many (read-only), so the
 * plan can refuse before anything runs and point to the decision that removes them.
 */
final class InvalidIndexDuplicates {
    private InvalidIndexDuplicates() {}

    /**
     * Without an error text the duplicates behind an INVALID unique index of the failed migration are a finding of
     * their own (the decision fix-duplicate-rows asks), unless one is there already; null when there is none to add.
     */
    static Finding blocking(
            Finding invalid, java.util.List<Finding> found, io.migrescue.diagnosis.PlaybookRanking ranking) {
        String duplicates = invalid.objects().get("duplicates");
        if (invalid.kind() != FindingKind.INVALID_INDEX
                || duplicates == null
                || duplicates.equals("0")
                || invalid.migration() == null
                || found.stream().anyMatch(f -> f.kind() == FindingKind.DUPLICATE_ROWS && !f.stale())) {
            return null;
        }
        return new Finding(
                FindingKind.DUPLICATE_ROWS,
                io.migrescue.diagnosis.Severity.ERROR,
                duplicates
                        + " key(s) occur more than"
                        + " once where the unique index " + invalid.objects().get("index") + " is to be built",
                invalid.objects(),
                invalid.evidence(),
                invalid.migration(),
                ranking.rank(FindingKind.DUPLICATE_ROWS, invalid.migration(), false, false),
                false);
    }

    static Finding counted(Finding f, CatalogLookup lookup, DataEvidence data) {
        if (f.kind() != FindingKind.INVALID_INDEX || f.objects().get("table") == null) {
            return f;
        }
        String[] qualified = f.objects().get("table").split("\\.", 2);
        Optional<Table> table =
                lookup.table(qualified.length == 2 ? qualified[0] : null, qualified[qualified.length - 1]);
        Optional<Index> index = table.flatMap(t -> lookup.index(t, f.objects().get("index")));
        if (index.isEmpty()
                || !index.get().unique()
                || index.get().predicate() != null
                || !index.get().columns().stream()
                        .allMatch(c -> table.get().column(c).isPresent())) {
            return f;
        }
        DataQuestion q = new DataQuestion.DuplicateKeys(
                table.get().schema(), table.get().name(), index.get().columns());
        try {
            long groups = data.count(q);
            return f.withEvidence(data.answer(q)).withObjects(Map.of("duplicates", String.valueOf(groups)));
        } catch (SQLException e) {
            return f; // the rebuild's own guard counts them again before anything is dropped
        }
    }
}
