package io.migrescue.testing;

import io.migrescue.model.Catalog;
import io.migrescue.model.Constraint;
import io.migrescue.model.Engine;
import io.migrescue.model.ForeignKey;
import io.migrescue.model.Index;
import io.migrescue.model.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Python migration tools, Alembic and Django, from Debian's packages ({@code python3-alembic},
 * {@code python3-django}, with {@code python3-mysqldb} and {@code python3-psycopg2}; bin/test-servers installs them),
 * run with {@code /usr/bin/python3} as a process with a timeout, as a team's deploy would run them. Missing packages
 * fail the test with what to install: these tests prove migrescue against the tools themselves and are never skipped.
 */
public final class PythonTools {
    public static final String PYTHON = "/usr/bin/python3";
    public static final Duration RUN = Duration.ofSeconds(120);

    private PythonTools() {}

    /** What a tool printed and how it exited. */
    public record Result(int exitCode, String output) {}

    /** Runs {@code python3 args…} in {@code dir} to its end, with {@code DATABASE_URL} and the DB_* variables of {@code db}. */
    public static Result run(Path dir, ScratchDatabase db, String... args) {
        List<String> command = new ArrayList<>(List.of(PYTHON));
        command.addAll(List.of(args));
        Path log = dir.resolve("python-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment(db));
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        try {
            Process process = builder.start();
            if (!process.waitFor(RUN.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("python3 " + String.join(" ", args) + " did not finish in " + RUN + ":\n"
                        + NodeTools.read(log));
            }
            String output = NodeTools.read(log);
            if (output.contains("ModuleNotFoundError")) {
                throw new AssertionError(
                        "python3 lacks a module (install python3-alembic python3-django python3-mysqldb"
                                + " python3-psycopg2, as bin/test-servers does):\n" + output);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError("cannot start " + PYTHON + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The SQLAlchemy URL and DB_* variables the test projects' env.py and settings.py read. */
    public static Map<String, String> environment(ScratchDatabase db) {
        Map<String, String> node = NodeTools.connection(db);
        String password = node.get("DB_PASSWORD");
        String credentials = URLEncoder.encode(node.get("DB_USER"), StandardCharsets.UTF_8)
                + (password.isEmpty() ? "" : ":" + URLEncoder.encode(password, StandardCharsets.UTF_8));
        String scheme = db.engine() == Engine.POSTGRESQL ? "postgresql" : "mysql";
        String url =
                scheme + "://" + credentials + "@" + node.get("DB_HOST") + ":" + node.get("DB_PORT") + "/" + db.name();
        return Map.of(
                "DATABASE_URL",
                url,
                "DB_ENGINE",
                db.engine() == Engine.POSTGRESQL ? "postgresql" : "mysql",
                "DB_HOST",
                node.get("DB_HOST"),
                "DB_PORT",
                node.get("DB_PORT"),
                "DB_USER",
                node.get("DB_USER"),
                "DB_PASSWORD",
                password,
                "DB_NAME",
                db.name());
    }

    /**
     * {@code migrescue … --render-with-tool} run in-process: the command line's environment carries what the test
     * project's env.py and settings.py read, and {@code MIGRESCUE_PYTHON} names the python that has the Debian packages.
     */
    public static CliRun renderWithTool(ScratchDatabase db, String command, String... extra) {
        Map<String, String> env = new java.util.HashMap<>(db.cliEnvironment());
        env.putAll(environment(db));
        env.put("MIGRESCUE_PYTHON", PYTHON);
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        List<String> args = new ArrayList<>(List.of(command, "--render-with-tool"));
        args.addAll(db.cliArgs());
        args.addAll(List.of(extra));
        return CliRun.run(env, args);
    }

    /** An Alembic project as {@code alembic init} lays it out: alembic.ini, migrations/env.py, migrations/versions/. */
    public static Path alembicProject(Path dir) {
        write(dir.resolve("alembic.ini"), """
                [alembic]
                script_location = migrations

                [loggers]
                keys = root

                [handlers]
                keys = console

                [formatters]
                keys = generic

                [logger_root]
                level = WARN
                handlers = console

                [handler_console]
                class = StreamHandler
                args = (sys.stderr,)
                level = NOTSET
                formatter = generic

                [formatter_generic]
                format = %(levelname)-5.5s [%(name)s] %(message)s
                """);
        write(dir.resolve("migrations/env.py"), """
                import os
                from alembic import context
                from sqlalchemy import create_engine

                url = os.environ["DATABASE_URL"]

                if context.is_offline_mode():
                    context.configure(url=url, literal_binds=True)
                    with context.begin_transaction():
                        context.run_migrations()
                else:
                    with create_engine(url).connect() as connection:
                        context.configure(connection=connection)
                        with context.begin_transaction():
                            context.run_migrations()
                """);
        write(dir.resolve("migrations/script.py.mako"), "");
        try {
            Files.createDirectories(dir.resolve("migrations/versions"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** A Django project with one app {@code shop} whose migrations the test writes into shop/migrations/. */
    public static Path djangoProject(Path dir) {
        write(dir.resolve("manage.py"), """
                import os, sys
                os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
                from django.core.management import execute_from_command_line
                execute_from_command_line(sys.argv)
                """);
        write(dir.resolve("settings.py"), """
                import os
                SECRET_KEY = "test"
                INSTALLED_APPS = ["shop"]
                USE_TZ = True
                DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
                DATABASES = {"default": {
                    "ENGINE": "django.db.backends." + os.environ["DB_ENGINE"],
                    "NAME": os.environ["DB_NAME"], "USER": os.environ["DB_USER"], "PASSWORD": os.environ["DB_PASSWORD"],
                    "HOST": os.environ["DB_HOST"], "PORT": os.environ["DB_PORT"],
                }}
                """);
        write(dir.resolve("shop/__init__.py"), "");
        write(dir.resolve("shop/models.py"), "");
        write(dir.resolve("shop/migrations/__init__.py"), "");
        return dir;
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The schema of {@code db} as the catalog reads it, without its schema name (so two scratch databases compare): every
     * table's columns, indexes and constraints, foreign keys included, sorted by name.
     */
    public static List<Table> schema(ScratchDatabase db) throws Exception {
        Catalog catalog = Fingerprint.of(db).catalog();
        return catalog.tables().stream()
                .sorted(Comparator.comparing(Table::name))
                .map(t -> new Table(
                        null,
                        t.name(),
                        t.columns(),
                        t.indexes().stream()
                                .sorted(Comparator.comparing(Index::name))
                                .toList(),
                        t.constraints().stream()
                                .sorted(Comparator.comparing(Constraint::name))
                                .map(PythonTools::withoutSchema)
                                .toList()))
                .toList();
    }

    private static Constraint withoutSchema(Constraint c) {
        ForeignKey fk = c.foreignKey() == null
                ? null
                : new ForeignKey(
                        null,
                        c.foreignKey().referencedTable(),
                        c.foreignKey().referencedColumns(),
                        c.foreignKey().onDelete(),
                        c.foreignKey().onUpdate());
        return new Constraint(c.name(), c.type(), c.columns(), fk, c.checkExpression(), c.validated(), c.definition());
    }
}
