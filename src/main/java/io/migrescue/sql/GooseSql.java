package io.migrescue.sql;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * goose's SQL migration files ({@code 00042_add_users.sql}): annotated sections, {@code -- +goose Up} then
 * {@code -- +goose Down}, as goose's sqlparser reads them. Only the Up section is what {@code goose up} runs.
 */
public final class GooseSql {
    private static final Pattern UP = Pattern.compile("^--\\s*\\+goose\\s+Up\\b.*");
    private static final Pattern DOWN = Pattern.compile("^--\\s*\\+goose\\s+Down\\b.*");

    private GooseSql() {}

    /** Whether {@code file} is a goose migration: it has the Up annotation. */
    public static boolean isMigration(Path file) {
        try {
            return Files.readString(file)
                    .lines()
                    .anyMatch(l -> UP.matcher(l.strip()).matches());
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /**
     * The Up section of a goose file; every other line blanked, not removed, so statement line numbers stay those of
     * the file. A file without annotations is returned as it is.
     */
    public static String up(String text) {
        if (text.lines().noneMatch(l -> UP.matcher(l.strip()).matches())) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        boolean inUp = false;
        for (String line : text.split("\n", -1)) {
            String s = line.strip();
            if (UP.matcher(s).matches()) {
                inUp = true;
                out.append('\n');
                continue;
            }
            if (DOWN.matcher(s).matches()) {
                inUp = false;
            }
            out.append(inUp ? line : "").append('\n');
        }
        return out.substring(0, out.length() - 1);
    }
}
