package io.migrescue.db;

import io.migrescue.failure.MigrescueException;
import io.migrescue.model.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which password to use, in the order of the command-line contract: {@code --password-file},
 * {@code --password-env VAR}, a password in the URL, then {@code MIGRESCUE_PASSWORD}, then the engine's own variable
 * ({@code PGPASSWORD}, {@code MYSQL_PWD}). Every password found is registered with {@link Redaction}.
 */
public final class PasswordSource {
    public static final String DEFAULT_VARIABLE = "MIGRESCUE_PASSWORD";

    private final Map<String, String> environment;

    public PasswordSource(Map<String, String> environment) {
        this.environment = environment;
    }

    public static PasswordSource fromSystem() {
        return new PasswordSource(System.getenv());
    }

    /**
     * @param passwordFile  the file named by {@code --password-file}, or null
     * @param passwordEnv   the variable named by {@code --password-env}, or null
     * @param urlPassword   a password found in the URL, or null
     */
    public Optional<String> resolve(Engine engine, Path passwordFile, String passwordEnv, String urlPassword) {
        Optional<String> password = pick(engine, passwordFile, passwordEnv, urlPassword);
        password.ifPresent(Redaction::register);
        return password;
    }

    private Optional<String> pick(Engine engine, Path passwordFile, String passwordEnv, String urlPassword) {
        if (passwordFile != null && passwordEnv != null) {
            throw MigrescueException.usage("give either --password-file or --password-env, not both");
        }
        if (passwordFile != null) {
            return Optional.of(readFile(passwordFile));
        }
        if (passwordEnv != null) {
            String value = environment.get(passwordEnv);
            if (value == null) {
                throw MigrescueException.usage("--password-env " + passwordEnv + ": that variable is not set");
            }
            return Optional.of(value);
        }
        if (urlPassword != null) {
            return Optional.of(urlPassword);
        }
        String value = environment.get(DEFAULT_VARIABLE);
        if (value == null) {
            value = environment.get(engine.passwordVariable());
        }
        return Optional.ofNullable(value);
    }

    private static String readFile(Path file) {
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            // A file written by `echo` ends in a newline that is not part of the password.
            return content.endsWith("\r\n")
                    ? content.substring(0, content.length() - 2)
                    : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        } catch (NoSuchFileException e) {
            throw MigrescueException.usage("--password-file " + file + ": no such file");
        } catch (IOException e) {
            throw MigrescueException.usage("--password-file " + file + ": cannot read it ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
