package io.migrescue.diagnosis.error;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Knows one wrapper's shape (Flyway's block, Laravel's {@code (Connection: …)}, psql's prefix, …). */
interface WrapperReader {
    /** Every error of this wrapper's shape in {@code text}, in the order they occur; empty when the shape is absent. */
    List<ErrorDraft> read(String text);

    /**
     * How many errors a reader reads from one text at most: the first real one is among the first few (only a 25P02
     * follows it), and reading thousands of repeats, each looking back for its migration, would make a long log slow.
     */
    int MAX_DRAFTS = 20;

    /**
     * The drafts of a wrapper whose every error starts with a match of {@code pattern}: each match read by
     * {@code draft} (null: not an error after all), in order, up to {@link #MAX_DRAFTS}.
     */
    static List<ErrorDraft> eachMatch(Pattern pattern, String text, Function<Matcher, ErrorDraft> draft) {
        List<ErrorDraft> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (found.size() < MAX_DRAFTS && m.find()) {
            ErrorDraft d = draft.apply(m);
            if (d != null) {
                found.add(d);
            }
        }
        return found;
    }
}
