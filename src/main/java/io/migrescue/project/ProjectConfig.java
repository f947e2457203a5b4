package io.migrescue.project;

import io.migrescue.failure.MigrescueException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --project DIR}: the connection and the migrations folder read from the project's own configuration, in this
 * order: Prisma, Laravel, Flyway ({@code flyway.conf}, {@code flyway.toml}), Drizzle, Knex, Rails. Only plain values
 * are understood (and {@code env(...)}, {@code ${env.X}}, {@code process.env.X}, {@code <%= ENV['X'] %>} looked up in
 * the environment and the project's {@code .env}); anything computed is reported as not understood.
 */
public final class ProjectConfig {
    private static final Pattern STRING = Pattern.compile("['\"`]([^'\"`]*)['\"`]");

    private ProjectConfig() {}

    public static ProjectSettings read(Path dir, Map<String, String> environment) {
        if (!Files.isDirectory(dir)) {
            throw MigrescueException.usage("--project " + dir + ": no such directory");
        }
        try {
            Map<String, String> env = new HashMap<>(EnvFile.read(dir.resolve(".env")));
            env.putAll(environment); // the process environment wins, as it does for the tools themselves
            for (Reader reader : List.<Reader>of(
                    ProjectConfig::prisma,
                    ProjectConfig::laravel,
                    ProjectConfig::flywayConf,
                    ProjectConfig::flywayToml,
                    JsConfigFiles::drizzle,
                    JsConfigFiles::knex,
                    RailsDatabaseYml::read)) {
                Optional<ProjectSettings> found = reader.read(dir, env);
                if (found.isPresent()) {
                    return found.get();
                }
            }
        } catch (IOException e) {
            throw MigrescueException.usage("--project " + dir + ": cannot read its configuration ("
                    + e.getClass().getSimpleName() + ")");
        }
        boolean envFile = Files.isRegularFile(dir.resolve(".env"));
        throw MigrescueException.usage(
                "--project " + dir + ": no database configuration found (looked for prisma/schema.prisma,"
                        + " a Laravel .env with DB_CONNECTION, flyway.conf, flyway.toml, drizzle.config.*, knexfile.*, config/database.yml"
                        + (envFile ? "; its .env has no DB_CONNECTION" : "; there is no .env") + ")");
    }

    @FunctionalInterface
    private interface Reader {
        Optional<ProjectSettings> read(Path dir, Map<String, String> env) throws IOException;
    }

    private static Optional<ProjectSettings> prisma(Path dir, Map<String, String> env) throws IOException {
        Path schema = dir.resolve("prisma/schema.prisma");
        if (!Files.isRegularFile(schema)) {
            return Optional.empty();
        }
        Map<String, String> all = new HashMap<>(EnvFile.read(dir.resolve("prisma/.env")));
        all.putAll(env);
        Matcher m = Pattern.compile("url\\s*=\\s*(env\\(\\s*\"([^\"]+)\"\\s*\\)|\"([^\"]+)\")")
                .matcher(Files.readString(schema));
        String url = !m.find() ? null : m.group(2) != null ? all.get(m.group(2)) : m.group(3);
        return Optional.of(new ProjectSettings(
                "prisma",
                need(url, "prisma/schema.prisma datasource url"),
                null,
                null,
                dir.resolve("prisma/migrations"),
                "prisma/schema.prisma"));
    }

    private static Optional<ProjectSettings> laravel(Path dir, Map<String, String> env) throws IOException {
        // a Laravel .env copied without the app (no artisan beside it) is still read by its DB_* keys; the source says
        // so
        boolean artisan = Files.isRegularFile(dir.resolve("artisan"));
        if (env.get("DB_CONNECTION") == null
                || !artisan && !EnvFile.read(dir.resolve(".env")).containsKey("DB_CONNECTION")) {
            return Optional.empty();
        }
        String scheme = switch (env.get("DB_CONNECTION")) {
            case "pgsql" -> "postgresql";
            case "mariadb" -> "mariadb";
            case "mysql" -> "mysql";
            default ->
                throw MigrescueException.usage("--project: Laravel's DB_CONNECTION=" + env.get("DB_CONNECTION")
                        + " is not PostgreSQL, MySQL or MariaDB");
        };
        String url = scheme + "://" + env.getOrDefault("DB_HOST", "127.0.0.1")
                + (env.get("DB_PORT") == null ? "" : ":" + env.get("DB_PORT")) + "/"
                + need(env.get("DB_DATABASE"), "DB_DATABASE in .env");
        return Optional.of(new ProjectSettings(
                "laravel",
                url,
                env.get("DB_USERNAME"),
                emptyToNull(env.get("DB_PASSWORD")),
                null,
                artisan ? ".env" : ".env, read as Laravel's by its DB_CONNECTION (no artisan file beside it)"));
    }

    private static Optional<ProjectSettings> flywayConf(Path dir, Map<String, String> env) throws IOException {
        for (Path conf : List.of(dir.resolve("flyway.conf"), dir.resolve("conf/flyway.conf"))) {
            if (Files.isRegularFile(conf)) {
                Properties p = new Properties();
                try (var in = Files.newBufferedReader(conf)) {
                    p.load(in);
                }
                return Optional.of(new ProjectSettings(
                        "flyway",
                        need(expand(p.getProperty("flyway.url"), env), "flyway.url"),
                        expand(p.getProperty("flyway.user"), env),
                        expand(p.getProperty("flyway.password"), env),
                        location(dir, p.getProperty("flyway.locations")),
                        dir.relativize(conf).toString()));
            }
        }
        return Optional.empty();
    }

    private static Optional<ProjectSettings> flywayToml(Path dir, Map<String, String> env) throws IOException {
        Path toml = dir.resolve("flyway.toml");
        if (!Files.isRegularFile(toml)) {
            return Optional.empty();
        }
        String text = Files.readString(toml);
        String url = tomlValue(text, "url");
        String locations = tomlValue(text, "locations");
        return Optional.of(new ProjectSettings(
                "flyway",
                need(expand(url, env), "url in flyway.toml"),
                expand(tomlValue(text, "user"), env),
                expand(tomlValue(text, "password"), env),
                location(dir, locations),
                "flyway.toml"));
    }

    private static String tomlValue(String text, String key) {
        Matcher m = Pattern.compile("(?m)^\\s*" + key + "\\s*=\\s*(\\[\\s*)?" + STRING.pattern())
                .matcher(text);
        return m.find() ? m.group(2) : null;
    }

    /** {@code ${env.X}} (Flyway) and {@code ${X}}. */
    private static String expand(String value, Map<String, String> env) {
        if (value == null) {
            return null;
        }
        Matcher m = Pattern.compile("\\$\\{(?:env\\.)?(\\w+)}").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(env.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Path location(Path dir, String locations) {
        if (locations == null) {
            return dir.resolve("sql");
        }
        String first = locations.split(",")[0].strip();
        return first.startsWith("filesystem:") ? dir.resolve(first.substring("filesystem:".length())) : null;
    }

    static String need(String value, String what) {
        if (value == null || value.isBlank()) {
            throw MigrescueException.usage(
                    "--project: " + what + " is not set (or not a plain value migrescue can read)");
        }
        return value;
    }

    static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
