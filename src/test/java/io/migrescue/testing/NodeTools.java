package io.migrescue.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real Node.js migration tools, Knex, Drizzle Kit, Sequelize CLI, TypeORM and node-pg-migrate, from the npm registry: installed once into a cache with the
 * machine's own {@code npm} (pinned versions, so every run tests the same tools) and run with its {@code node}, as a
 * team's deploy would. The cache is {@code $MIGRESCUE_NPM_CACHE}, else {@code ~/.cache/migrescue-npm}, one folder per
 * package set, so a fresh machine installs once (seconds) and later runs reuse it. No node or npm fails the test
 * with what to install: these tests prove migrescue's writes against the tools themselves and are never skipped.
 */
public final class NodeTools {
    /** The versions the Knex, Drizzle, Sequelize, TypeORM and node-pg-migrate history writers and code readers follow. */
    public static final List<String> PACKAGES = List.of(
            "knex@3.3.0",
            "pg@8.23.1",
            "mysql2@3.24.5",
            "drizzle-kit@0.31.11",
            "drizzle-orm@0.45.4",
            "sequelize-cli@6.6.5",
            "sequelize@6.37.8",
            "typeorm@0.3.31",
            "reflect-metadata@0.2.2",
            "node-pg-migrate@9.0.0");

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static Path modules;

    private NodeTools() {}

    /** What a tool printed and how it exited. */
    public record Result(int exitCode, String output) {}

    /** The installed {@code node_modules}, installing the packages on first use. */
    public static synchronized Path modules() {
        if (modules == null) {
            require("node", "--version");
            require("npm", "--version");
            modules = installed().resolve("node_modules");
        }
        return modules;
    }

    /** The JavaScript file of a package's command, e.g. {@code script("knex", "bin/cli.js")}. */
    public static Path script(String pkg, String relative) {
        Path script = modules().resolve(pkg).resolve(relative);
        if (!Files.isRegularFile(script)) {
            throw new AssertionError(script + " is missing from the npm cache; delete "
                    + modules().getParent() + " to reinstall");
        }
        return script;
    }

    /** Runs {@code node script args…} in {@code dir} to its end, with the cache's modules on NODE_PATH. */
    public static Result run(Path dir, Map<String, String> env, Duration timeout, Path script, String... args) {
        Path log = dir.resolve("node-" + System.nanoTime() + ".log");
        Process process = start(dir, env, log, script, args);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(script.getFileName() + " " + String.join(" ", args) + " did not finish in "
                        + timeout + ":\n" + read(log));
            }
            return new Result(process.exitValue(), read(log));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Starts {@code node script args…} in {@code dir}, its output going to {@code log}; the caller ends it. */
    public static Process start(Path dir, Map<String, String> env, Path log, Path script, String... args) {
        List<String> command = new ArrayList<>(List.of("node", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        // the tools resolve their drivers (pg, mysql2) and Knex's CLI its own module from here
        builder.environment().put("NODE_PATH", modules().toString());
        builder.environment().put("NO_COLOR", "1");
        try {
            return builder.start();
        } catch (IOException e) {
            throw new AssertionError("cannot start node: " + e.getMessage(), e);
        }
    }

    /**
     * Where a tool finds the scratch database: {@code DB_HOST}, {@code DB_PORT}, {@code DB_USER}, {@code DB_PASSWORD},
     * {@code DB_NAME}, and the same as a {@code DATABASE_URL}, for the config files the tests write.
     */
    public static Map<String, String> connection(ScratchDatabase db) {
        java.net.URI server = java.net.URI.create(db.server().baseUrl().substring("jdbc:".length()));
        String user = db.server().user();
        String password = db.server().password() == null ? "" : db.server().password();
        String scheme = db.engine() == io.migrescue.model.Engine.POSTGRESQL ? "postgres" : "mysql";
        String credentials = java.net.URLEncoder.encode(user, StandardCharsets.UTF_8)
                + (password.isEmpty() ? "" : ":" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8));
        return Map.of(
                "DB_HOST",
                server.getHost(),
                "DB_PORT",
                Integer.toString(server.getPort()),
                "DB_USER",
                user,
                "DB_PASSWORD",
                password,
                "DB_NAME",
                db.name(),
                "DATABASE_URL",
                scheme + "://" + credentials + "@" + server.getHost() + ":" + server.getPort() + "/" + db.name());
    }

    public static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path installed() {
        Path folder = cacheRoot().resolve(key());
        if (Files.isRegularFile(folder.resolve("installed"))) {
            return folder;
        }
        Path staging =
                cacheRoot().resolve(key() + ".tmp-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(staging);
            List<String> command = new ArrayList<>(List.of(
                    "npm", "install", "--prefix", staging.toString(), "--no-audit", "--no-fund", "--loglevel=error"));
            command.addAll(PACKAGES);
            Path log = staging.resolve("npm-install.log");
            Process npm = new ProcessBuilder(command)
                    .directory(staging.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!npm.waitFor(INSTALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                npm.destroyForcibly().waitFor();
                throw new AssertionError(
                        "npm install of " + PACKAGES + " did not finish in " + INSTALL_TIMEOUT + ":\n" + read(log));
            }
            if (npm.exitValue() != 0) {
                throw new AssertionError("npm install of " + PACKAGES + " failed (exit " + npm.exitValue()
                        + "); the real-tool tests" + " need the npm registry once per machine:\n" + read(log));
            }
            Files.writeString(staging.resolve("installed"), String.join("\n", PACKAGES) + "\n");
            publish(staging, folder);
            return folder;
        } catch (IOException e) {
            throw new AssertionError("cannot install " + PACKAGES + " into " + staging + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            delete(staging);
        }
    }

    /** Moves a finished install into place in one step; if another run got there first, its install is used. */
    private static void publish(Path staging, Path folder) throws IOException {
        try {
            Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            if (!Files.isRegularFile(folder.resolve("installed"))) {
                delete(folder);
                Files.move(staging, folder);
            }
        } catch (IOException e) {
            if (!Files.isRegularFile(folder.resolve("installed"))) {
                throw e; // a folder left half made by a killed run: fail, and say where it is
            }
        }
    }

    private static Path cacheRoot() {
        String configured = System.getenv("MIGRESCUE_NPM_CACHE");
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "migrescue-npm");
    }

    /** One folder per package set, so a version bump installs afresh beside the old one. */
    private static String key() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join(" ", PACKAGES).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void require(String program, String versionFlag) {
        try {
            Process p = new ProcessBuilder(program, versionFlag)
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(program + " " + versionFlag + " failed: " + out);
            }
        } catch (IOException e) {
            throw new AssertionError(
                    program + " is not installed (not on PATH). The real-tool tests run Knex and Drizzle Kit from"
                            + " the npm registry: install Node.js 18 or later with npm (Debian: apt-get install nodejs npm).",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover staging folder is harmless: the next install uses another name
        }
    }
}
