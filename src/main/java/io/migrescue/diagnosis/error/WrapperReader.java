package io.migrescue.diagnosis.error;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntBiFunction;
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

    /**
     * Like {@link #eachMatch}, for a wrapper whose error may run past its match: {@code draft} reads each match, and
     * the search for the next one resumes where {@code resume} says, given the match and its draft.
     */
    static List<ErrorDraft> eachMatch(
            Pattern pattern,
            String text,
            Function<Matcher, ErrorDraft> draft,
            ToIntBiFunction<Matcher, ErrorDraft> resume) {
        List<ErrorDraft> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        int from = 0;
        while (found.size() < MAX_DRAFTS && from < text.length() && m.find(from)) {
            ErrorDraft d = draft.apply(m);
            found.add(d);
            from = resume.applyAsInt(m, d);
        }
        return found;
    }
}
