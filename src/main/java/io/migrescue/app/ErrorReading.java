package io.migrescue.app;

import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.ParsedError;
import io.migrescue.diagnosis.error.ErrorCatalog;
import io.migrescue.diagnosis.error.ErrorTextLimits;
import io.migrescue.diagnosis.error.ErrorTextParser;
import java.util.List;

/** The operator's error text, understood (or not): parsed error and its finding kind. */
record ErrorReading(ParsedError parsed, FindingKind kind) {
    static ErrorReading of(String text, List<String> notes) {
        if (text == null || text.isBlank()) {
            return new ErrorReading(null, null);
        }
        ErrorTextLimits.Bounded bounded = ErrorTextLimits.bound(text);
        notes.addAll(bounded.notes());
        ParsedError parsed = ErrorTextParser.parse(bounded.text()).orElse(null);
        if (parsed == null) {
            notes.add("the error text was not recognised; diagnosing from the database alone");
            return new ErrorReading(null, null);
        }
        FindingKind kind = ErrorCatalog.classify(parsed).orElse(null);
        if (kind == null) {
            notes.add("error " + (parsed.sqlState() == null ? "" : parsed.sqlState() + " ")
                    + "is not one migrescue knows a repair for");
        }
        return new ErrorReading(parsed, kind);
    }
}
