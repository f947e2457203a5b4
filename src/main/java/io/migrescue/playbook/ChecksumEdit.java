package io.migrescue.playbook;

import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.diagnosis.StatementState;
import io.migrescue.diagnosis.StatementVerdict;
import java.util.List;

/**
 * Whether an applied migration edited afterwards changed something: cosmetic when every statement of the file as it
 * is now is in effect in the live schema (comments, whitespace, formatting, or statements already there), semantic
 * otherwise.
 */
public final class ChecksumEdit {
    private ChecksumEdit() {}

    /** The statements of the edited file not in effect, each as "statement N (line L): SQL"; empty for a cosmetic edit. */
    public static List<String> notInEffect(FailedMigration edited) {
        return edited.statements().stream()
                .filter(v -> v.state() != StatementState.APPLIED)
                .map(ChecksumEdit::describe)
                .toList();
    }

    /**
     * Whether what is missing can be applied: every statement not in effect is known not to be (a statement whose effect
     * the catalog cannot show, DML for one, may have run already, and running it twice is not safe).
     */
    public static boolean applicable(FailedMigration edited) {
        // the map calls the first statement not in effect after applied ones "failed": for an edited file it never ran
        return edited.statements().stream().allMatch(v -> v.state() != StatementState.UNKNOWN);
    }

    public static boolean cosmetic(FailedMigration edited) {
        return !edited.statements().isEmpty() && notInEffect(edited).isEmpty();
    }

    private static String describe(StatementVerdict v) {
        String sql = v.sql().replaceAll("\\s+", " ").trim();
        String state = v.state() == StatementState.UNKNOWN ? ", cannot tell" : "";
        return "statement " + v.n() + " (line " + v.line() + state + "): "
                + (sql.length() > 80 ? sql.substring(0, 77) + "..." : sql);
    }
}
