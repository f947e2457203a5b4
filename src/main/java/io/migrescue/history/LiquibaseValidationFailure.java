package io.migrescue.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code liquibase update} (or {@code validate}) says when applied changesets changed: {@code Validation Failed:
 * N changesets check sum} then one line per changeset, {@code <path>::<id>::<author> was: 9:x but is now: 9:y}. For a
 * structural change (createTable...) that text is the only source of Liquibase's new checksum: migrescue does not
 * reproduce Liquibase's serialization of change objects.
 */
public final class LiquibaseValidationFailure {
    private static final Pattern LINE = Pattern.compile(
            "^\\s*(?<path>.+?)::(?<id>.+?)::(?<author>.+?) was: (?<was>\\S+) but is now: (?<now>\\S+)\\s*$",
            Pattern.MULTILINE);

    private LiquibaseValidationFailure() {}

    /**
     * One changeset the failure names.
     *
     * @param was   the MD5SUM its row holds, as Liquibase read it
     * @param isNow the checksum Liquibase computes for the changeset as the changelog holds it now
     */
    public record Mismatch(String path, String id, String author, String was, String isNow) {
        /** The history's key of its row, {@code ID::AUTHOR::FILENAME}. */
        public String key() {
            return id + "::" + author + "::" + path;
        }
    }

    /** Every changeset named, once each (the CLI prints the reason twice), in the order given; none for null text. */
    public static List<Mismatch> parse(String text) {
        List<Mismatch> all = new ArrayList<>();
        if (text == null) {
            return all;
        }
        Matcher m = LINE.matcher(text);
        while (m.find()) {
            Mismatch found =
                    new Mismatch(m.group("path"), m.group("id"), m.group("author"), m.group("was"), m.group("now"));
            if (!all.contains(found)) {
                all.add(found);
            }
        }
        return all;
    }

    /** The mismatch the text names for the row {@code key}, if any. */
    static Optional<Mismatch> of(List<Mismatch> mismatches, String key) {
        return mismatches.stream().filter(m -> m.key().equals(key)).findFirst();
    }
}
