package io.migrescue.project;

import java.nio.file.Path;

/**
 * What a project's own configuration says about its database and migrations.
 *
 * @param tool       the migration tool the project uses ({@code laravel}, {@code prisma}, {@code flyway}, …)
 * @param url        a connection URL in one of migrescue's accepted forms, possibly with credentials in it
 * @param user       the user when given apart from the URL, or null
 * @param password   the password when given apart from the URL, or null; never shown
 * @param migrations the migrations folder, or null when the project's is not SQL (Laravel, Rails: PHP and Ruby)
 * @param source     the file it came from, for messages (never its content)
 */
public record ProjectSettings(String tool, String url, String user, String password, Path migrations, String source) {
    @Override
    public String toString() {
        return tool + " project (" + source + ")";
    }
}
