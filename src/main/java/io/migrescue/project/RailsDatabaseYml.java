package io.migrescue.project;

import io.migrescue.failure.MigrescueException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Rails project's {@code config/database.yml}: YAML behind ERB, so the {@code ENV} lookups are done first and the
 * environment's section ({@code RAILS_ENV}, else production when there is one, else development) is read.
 */
final class RailsDatabaseYml {
    private RailsDatabaseYml() {}

    static Optional<ProjectSettings> read(Path dir, Map<String, String> env) throws IOException {
        Path yml = dir.resolve("config/database.yml");
        if (!Files.isRegularFile(yml)) {
            return Optional.empty();
        }
        String text = erb(Files.readString(yml), env);
        // SnakeYAML resolves anchors and << merge keys, which Rails files lean on (default: &default)
        Object loaded = new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.LoaderOptions()).load(text);
        Map<?, ?> root = loaded instanceof Map<?, ?> m ? m : Map.of();
        String environment =
                env.getOrDefault("RAILS_ENV", root.containsKey("production") ? "production" : "development");
        Map<?, ?> config = root.get(environment) instanceof Map<?, ?> m ? m : Map.of();
        if (config.get("url") != null) {
            return Optional.of(new ProjectSettings(
                    "rails", String.valueOf(config.get("url")), null, null, null, "config/database.yml"));
        }
        String adapter = String.valueOf(config.get("adapter"));
        String scheme = adapter.contains("postgres")
                ? "postgresql"
                : adapter.startsWith("mysql") || adapter.equals("trilogy") ? "mysql" : null;
        if (scheme == null) {
            throw MigrescueException.usage("--project: config/database.yml's " + environment + " adapter '" + adapter
                    + "' is not PostgreSQL, MySQL or MariaDB");
        }
        String url = scheme + "://" + text(config, "host", "127.0.0.1")
                + (config.get("port") == null ? "" : ":" + config.get("port")) + "/"
                + ProjectConfig.need(
                        text(config, "database", null), "database in config/database.yml (" + environment + ")");
        return Optional.of(new ProjectSettings(
                "rails",
                url,
                text(config, "username", null),
                ProjectConfig.emptyToNull(text(config, "password", null)),
                null,
                "config/database.yml"));
    }

    private static String text(Map<?, ?> map, String key, String fallback) {
        Object value = map.get(key);
        return value == null ? fallback : String.valueOf(value);
    }

    /** {@code <%= ENV['X'] %>}, {@code <%= ENV.fetch("X") { "d" } %>}, {@code <%= ENV.fetch("X", "d") %>}. */
    static String erb(String text, Map<String, String> env) {
        Matcher m = Pattern.compile(
                        "<%=\\s*ENV(?:\\[['\"](\\w+)['\"]]|\\.fetch\\(['\"](\\w+)['\"](?:\\s*,\\s*['\"]([^'\"]*)['\"])?\\)"
                                + "(?:\\s*\\{\\s*['\"]?([^'\"}]*)['\"]?\\s*})?)\\s*%>")
                .matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String fallback = m.group(3) != null
                    ? m.group(3)
                    : m.group(4) != null ? m.group(4).strip() : "";
            m.appendReplacement(out, Matcher.quoteReplacement(env.getOrDefault(name, fallback)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
