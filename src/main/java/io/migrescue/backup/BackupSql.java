package io.migrescue.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Engine SQL of the backup kept as resource files ({@code backup/<engine>/<name>.sql}), as the catalog keeps its own. */
final class BackupSql {
    private BackupSql() {}

    static String load(String engine, String name) {
        String path = engine + "/" + name + ".sql";
        try (InputStream in = BackupSql.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no backup query " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
