package io.migrescue.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The projects configured in JavaScript or TypeScript ({@code drizzle.config.*}, {@code knexfile.*}): the files are
 * code, so only a plain {@code key:} string or number (or {@code process.env.X}) is read from them.
 */
final class JsConfigFiles {
    private JsConfigFiles() {}

    static Optional<ProjectSettings> drizzle(Path dir, Map<String, String> env) throws IOException {
        for (String name :
                List.of("drizzle.config.ts", "drizzle.config.js", "drizzle.config.mjs", "drizzle.config.json")) {
            Path config = dir.resolve(name);
            if (Files.isRegularFile(config)) {
                String text = Files.readString(config);
                String url = jsValue(text, "url", env)
                        .or(() -> jsValue(text, "connectionString", env))
                        .orElse(null);
                String out = jsValue(text, "out", env).orElse("drizzle");
                return Optional.of(new ProjectSettings(
                        "drizzle",
                        ProjectConfig.need(url, "dbCredentials.url in " + name),
                        null,
                        null,
                        dir.resolve(out),
                        name));
            }
        }
        return Optional.empty();
    }

    static Optional<ProjectSettings> knex(Path dir, Map<String, String> env) throws IOException {
        for (String name : List.of("knexfile.js", "knexfile.ts", "knexfile.cjs", "knexfile.mjs")) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                String text = Files.readString(file);
                String client = jsValue(text, "client", env).orElse("pg");
                String scheme = client.startsWith("mysql") ? "mysql" : "postgresql";
                String url = jsValue(text, "connection", env)
                        .filter(v -> v.contains("://"))
                        .or(() -> jsValue(text, "connectionString", env))
                        .orElse(null);
                if (url == null) {
                    String host = jsValue(text, "host", env).orElse("127.0.0.1");
                    String port = jsNumber(text, "port").map(p -> ":" + p).orElse("");
                    url = scheme + "://" + host + port + "/"
                            + ProjectConfig.need(
                                    jsValue(text, "database", env).orElse(null), "connection.database in " + name);
                }
                String directory = jsValue(text, "directory", env).orElse("migrations");
                return Optional.of(new ProjectSettings(
                        "knex",
                        url,
                        jsValue(text, "user", env).orElse(null),
                        jsValue(text, "password", env).orElse(null),
                        dir.resolve(directory),
                        name));
            }
        }
        return Optional.empty();
    }

    /** A string (or {@code process.env.X}) given to {@code key:} in a JavaScript/TypeScript config file. */
    static Optional<String> jsValue(String text, String key, Map<String, String> env) {
        Matcher m = Pattern.compile("\\b" + key
                        + "\\s*:\\s*(?:(['\"`])([^'\"`]*)\\1|process\\.env\\.(\\w+)|process\\.env\\[['\"](\\w+)['\"]])")
                .matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        if (m.group(2) != null) {
            return Optional.of(m.group(2));
        }
        return Optional.ofNullable(env.get(m.group(3) != null ? m.group(3) : m.group(4)));
    }

    private static Optional<String> jsNumber(String text, String key) {
        Matcher m = Pattern.compile("\\b" + key + "\\s*:\\s*(\\d+)").matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
