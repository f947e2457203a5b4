package io.migrescue.history;

import io.migrescue.model.MigrationHistory;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The FILENAME Liquibase records for a changelog file: its path as Liquibase found it under its search path
 * ({@code db/changelog/changes/002.sql}), not the path on disk. migrescue does not know the search path, so it is
 * taken from what the history already records: the same file's earlier changesets, else a file in the same folder.
 */
final class LiquibasePaths {
    private static final String CLASSPATH = "classpath:";

    private LiquibasePaths() {}

    static String changelogPath(Path file, MigrationHistory history) {
        return changelogPath(file, history, null);
    }

    /**
     * The FILENAME from the history, else from the changelog path Liquibase is given ({@code changelogFile}, else the
     * {@code liquibase.properties} default, see {@link LiquibaseSearchPath}). With neither and no row at all (Liquibase
     * never ran here), the file's path on disk stands in: absolute, which Liquibase never records from a relative
     * {@code --changelog-file}, so {@link #isStandIn} tells it apart and nothing is recorded under it.
     */
    static String changelogPath(Path file, MigrationHistory history, String changelogFile) {
        String onDisk = "/" + file.toAbsolutePath().normalize().toString().replace('\\', '/');
        return sameFile(onDisk, history)
                .or(() -> sibling(onDisk, history))
                .or(() -> LiquibaseSearchPath.of(file, changelogFile).map(root -> root.fileName(file)))
                .or(() -> history.entries().isEmpty()
                        ? Optional.of(file.toAbsolutePath().normalize().toString())
                        : Optional.empty())
                .orElseThrow(() -> new IllegalArgumentException("cannot tell under which path Liquibase knows " + file
                        + ": no changeset of it or of its folder is recorded;"
                        + " give the changeset a logicalFilePath: attribute, as Liquibase records that instead"));
    }

    /** A recorded FILENAME the file's path ends with: the file itself. */
    private static Optional<String> sameFile(String onDisk, MigrationHistory history) {
        return recordedPaths(history)
                .filter(p -> onDisk.endsWith("/" + withoutClasspath(p)))
                .findFirst();
    }

    /** A recorded FILENAME in a folder the file's path also passes through: the file's path from that folder down. */
    private static Optional<String> sibling(String onDisk, MigrationHistory history) {
        return recordedPaths(history)
                .map(p -> {
                    String bare = withoutClasspath(p);
                    String folder =
                            bare.substring(0, bare.lastIndexOf('/') + 1); // "" for a file at the search path's root
                    int at = onDisk.lastIndexOf("/" + folder);
                    if (at < 0 || onDisk.indexOf('/', at + folder.length() + 1) >= 0) {
                        return null; // not in that folder (a deeper file is not a sibling)
                    }
                    return (p.startsWith(CLASSPATH) ? CLASSPATH : "") + onDisk.substring(at + 1);
                })
                .filter(Objects::nonNull)
                .max(Comparator.comparingInt(String::length)); // the deepest folder is the most specific match
    }

    /** A FILENAME {@link #changelogPath} stood in with: the changelog path Liquibase is given is not known. */
    static boolean isStandIn(String fileName) {
        return Path.of(fileName).isAbsolute();
    }

    private static Stream<String> recordedPaths(MigrationHistory history) {
        return history.entries().stream()
                .map(LiquibaseTool::fileNameOf)
                .filter(Objects::nonNull)
                .distinct();
    }

    private static String withoutClasspath(String path) {
        return path.startsWith(CLASSPATH) ? path.substring(CLASSPATH.length()) : path;
    }
}
