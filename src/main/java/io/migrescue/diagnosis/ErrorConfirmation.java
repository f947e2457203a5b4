package io.migrescue.diagnosis;

import java.util.List;
import java.util.Map;

/**
 * Checks what an error says against the live catalog and gathers the evidence: who holds a duplicate name, where a
 * missing table really is, whether an existing object matches the intended one. Where the database contradicts
 * the error text, the finding says the log is stale.
 */
final class ErrorConfirmation extends ErrorCheck {
    /** The wrapper of an error no tool printed: the statement map predicts it (no error text was given). */
    static final String PREDICTED = "statement map";

    ErrorConfirmation(CatalogLookup lookup, DiagnosisInput input) {
        super(lookup, input);
    }

    Finding confirm() {
        Finding f = switch (input.errorKind()) {
            case DUPLICATE_CONSTRAINT_NAME -> new ConstraintNameConfirmation(lookup, input).duplicateConstraint();
            case TABLE_ALREADY_EXISTS -> new TableConfirmation(lookup, input).tableExists();
            case MISSING_TABLE -> new TableConfirmation(lookup, input).missingTable();
            case DUPLICATE_COLUMN -> new ColumnConfirmation(lookup, input).duplicateColumn();
            case MISSING_COLUMN -> new ColumnConfirmation(lookup, input).missingColumn();
            case DUPLICATE_INDEX_NAME -> new ConstraintNameConfirmation(lookup, input).duplicateIndex();
            case TYPE_CONVERSION -> new TypeChangeConfirmation(lookup, input).confirm();
            case NULL_VALUES ->
                Integer.valueOf(1265).equals(error.vendorCode())
                        ? new TypeChangeConfirmation(lookup, input).truncated()
                        : plain(input.errorKind(), summaryFromError(), List.of(), Map.of(), false, false, false);
            default -> plain(input.errorKind(), summaryFromError(), List.of(), Map.of(), false, false, false);
        };
        String recorded = f.stale() ? null : recordedSince();
        return recorded == null ? f : f.asStale(recorded);
    }

    /**
     * The migration the error is about is recorded as applied now (a repair, or the tool, finished it since): whatever
     * the error says, its cause is settled, and the error is history. Null when it is not so recorded.
     */
    private String recordedSince() {
        if (PREDICTED.equals(error.wrapper())) {
            return null;
        }
        return input.migration() != null
                ? Diagnoser.recordedAsApplied(
                        input.history(),
                        input.migration().tool(),
                        input.migration().id())
                : Diagnoser.recordedAsApplied(input.history(), null, error.version());
    }
}
