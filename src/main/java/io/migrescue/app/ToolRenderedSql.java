package io.migrescue.app;

import io.migrescue.db.Redaction;
import io.migrescue.failure.MigrescueException;
import io.migrescue.migration.MigrationStatements;
import io.migrescue.migration.ToolRendering;
import io.migrescue.model.Engine;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.SqlStatement;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code --render-with-tool}: runs the migration tool to render a migration's SQL (see {@link ToolRendering}) as a
 * process with its arguments (no shell), in the project's folder, with a timeout. The project's runtime is
 * {@code python3} on the PATH unless {@code MIGRESCUE_PYTHON} names another (a virtualenv's). Any failure is one
 * line and exit 2 (3 when the tool could not reach the database): never a silent fall back to reading the code.
 */
public final class ToolRenderedSql {
    public static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final Map<String, String> environment;

    /** @param environment added to this process's own for the tool (what its project reads: DATABASE_URL, …) */
    public ToolRenderedSql(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The statements as the tool rendered them, and how the diagnosis names that source. */
    public record Rendered(List<SqlStatement> statements, String source) {}

    /**
     * One migration's statements from the source asked for: rendered by its tool when {@code renderer} is given, else
     * read from the file; a code migration's note says which it was (the source is named, never silently chosen).
     */
    static List<SqlStatement> statements(
            MigrationFile file, Engine engine, ToolRenderedSql renderer, List<String> notes) {
        if (renderer != null) {
            Rendered rendered = renderer.render(file, engine);
            notes.add("statements of " + file.id() + ": rendered by " + rendered.source());
            return rendered.statements();
        }
        if (MigrationStatements.readAsCode(file)) {
            notes.add("statements of " + file.id() + ": read from code");
        }
        return MigrationDirectory.statements(file, engine);
    }

    public Rendered render(MigrationFile file, Engine engine) {
        String python = environment.getOrDefault("MIGRESCUE_PYTHON", "python3");
        ToolRendering.Invocation call = ToolRendering.invocation(file, python);
        String output = run(call, file);
        return new Rendered(ToolRendering.statements(output, engine), call.source());
    }

    private String run(ToolRendering.Invocation call, MigrationFile file) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("migrescue-render", ".sql");
            err = Files.createTempFile("migrescue-render", ".log");
            ProcessBuilder builder = new ProcessBuilder(call.args())
                    .directory(call.workDir().toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().putAll(environment);
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw MigrescueException.usage("--render-with-tool: cannot run "
                        + call.args().get(0) + " ("
                        + e.getMessage() + "); set MIGRESCUE_PYTHON to the project's python, or leave the option out"
                        + " to read the code");
            }
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw MigrescueException.usage(
                        "--render-with-tool: " + call.source() + " did not finish in " + TIMEOUT.toSeconds() + "s");
            }
            String errors = Files.readString(err, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                String why = call.source() + " for " + file.id() + " failed: "
                        + Redaction.scrub(ToolRendering.lastLine(errors));
                if (ToolRendering.cannotConnect(errors)) {
                    throw MigrescueException.connection("--render-with-tool: " + why, null);
                }
                throw MigrescueException.usage("--render-with-tool: " + why);
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw MigrescueException.usage("--render-with-tool: " + call.source() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MigrescueException.usage("--render-with-tool: interrupted");
        } finally {
            delete(out);
            delete(err);
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void delete(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }
}
