package io.migrescue.history;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Where Liquibase finds its changelogs, for a database it never ran on (no row to copy a FILENAME from). Liquibase
 * records a changelog by its path under its search path, as it was given ({@code --changelog-file=db/master.xml} →
 * {@code db/master.xml}) or included ({@code db/changes/001.xml}). So the search path is the folder above the
 * changelogs from which the given changelog path names a file, and every changelog's FILENAME is its path from there.
 * The changelog path is the one given ({@code --param changelog-file}), else the project's {@code liquibase.properties}
 * ({@code changeLogFile}) in the changelogs' folder or one above it.
 *
 * @param root   the search path's folder on disk
 * @param source where the changelog path came from, said in the plan
 */
record LiquibaseSearchPath(Path root, String source) {
    private static final String PROPERTIES = "liquibase.properties";
    /** The keys Liquibase reads the changelog path from in liquibase.properties (old and new spellings). */
    private static final List<String> KEYS =
            List.of("changeLogFile", "changelogFile", "changelog-file", "liquibase.command.changelogFile");

    /** The FILENAME Liquibase records for {@code file}. */
    String fileName(Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /**
     * The search path of {@code file}: from {@code changelogFile} when given (a path no folder above the file holds is
     * refused), else from {@code liquibase.properties}; empty when neither says.
     */
    static Optional<LiquibaseSearchPath> of(Path file, String changelogFile) {
        Path folder = file.toAbsolutePath().normalize().getParent();
        if (changelogFile != null) {
            return Optional.of(root(folder, changelogFile)
                    .map(r -> new LiquibaseSearchPath(r, "--param changelog-file=" + changelogFile))
                    .orElseThrow(() -> new IllegalArgumentException("--param changelog-file=" + changelogFile
                            + ": no folder above " + file + " holds it; give the changelog path exactly as Liquibase"
                            + " is given it (--changelog-file), relative to its search path")));
        }
        for (Path d = folder; d != null; d = d.getParent()) {
            Path properties = d.resolve(PROPERTIES);
            if (Files.isRegularFile(properties)) {
                String given = changelogFile(properties);
                return given == null
                        ? Optional.empty()
                        : root(folder, given)
                                .map(r -> new LiquibaseSearchPath(r, given + " (changeLogFile of " + properties + ")"));
            }
        }
        return Optional.empty();
    }

    /** The folder at or above {@code folder} from which {@code changelogFile} names a file. */
    private static Optional<Path> root(Path folder, String changelogFile) {
        String relative =
                changelogFile.startsWith("classpath:") ? changelogFile.substring("classpath:".length()) : changelogFile;
        if (relative.isBlank() || Path.of(relative).isAbsolute()) {
            return Optional.empty(); // Liquibase records an absolute path as given: nothing to derive a root from
        }
        for (Path d = folder; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(relative))) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private static String changelogFile(Path properties) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(properties, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + properties, e);
        }
        return KEYS.stream()
                .map(p::getProperty)
                .filter(v -> v != null && !v.isBlank())
                .map(String::trim)
                .findFirst()
                .orElse(null);
    }
}
