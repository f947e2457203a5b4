package io.migrescue.history;

import io.migrescue.sql.MigrationFile;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.flywaydb.core.internal.resource.ResourceName;
import org.flywaydb.core.internal.resource.ResourceNameParser;
import org.flywaydb.core.internal.resource.filesystem.FileSystemResource;

/**
 * What Flyway resolves from a versioned SQL migration file, computed by Flyway core itself (flyway-core 11.20.3):
 * the name parser gives version and description, and the checksum is {@code ChecksumCalculator} over a
 * {@code FileSystemResource}, which is exactly what {@code SqlMigrationResolver} does for a versioned migration
 * (UTF-8, the default encoding; repeatable migrations get placeholder replacement first, hence not handled here).
 *
 * @param version  as Flyway writes it to {@code version} ({@code 1.1} for {@code V1_1__x.sql})
 * @param script   the file name; Flyway writes the path below its location, which is the file name unless the file
 *                 sits in a subfolder (validate does not compare it)
 */
record FlywayScript(MigrationVersion version, String description, String script, int checksum) {
    /** Flyway's default naming (V, R, __, .sql), as {@link io.migrescue.sql.MigrationFiles} lists them. */
    private static final ResourceNameParser NAMES = new ResourceNameParser(new FluentConfiguration());

    private static final Pattern VERSION_TEXT = Pattern.compile("\\d+([._]\\d+)*");

    static FlywayScript of(MigrationFile file) {
        String fileName = file.path().getFileName().toString();
        ResourceName name = NAMES.parse(fileName);
        if (!name.isValid()) {
            throw new IllegalArgumentException(
                    fileName + " is not a Flyway SQL migration: " + name.getValidityMessage());
        }
        if (name.getVersion() == null) {
            throw new UnsupportedOperationException(
                    fileName + " is a repeatable migration: Flyway runs it again whenever"
                            + " its checksum changes, so there is nothing to mark applied; fix it and let migrate run it");
        }
        FileSystemResource resource =
                new FileSystemResource(null, file.path().toAbsolutePath().toString(), StandardCharsets.UTF_8, false);
        return new FlywayScript(
                name.getVersion(), name.getDescription(), fileName, ChecksumCalculator.calculate(resource));
    }

    /** Whether a stored {@code version} is this one ({@code 2} and {@code 2.0} are the same to Flyway). */
    boolean sameVersion(String stored) {
        return isVersion(stored) && MigrationVersion.fromVersion(stored).equals(version);
    }

    /** Whether a history id is a version ({@code 1.1}), not a repeatable's script name. */
    static boolean isVersion(String id) {
        return id != null && VERSION_TEXT.matcher(id).matches();
    }
}
