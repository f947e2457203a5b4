package io.migrescue.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real ActiveRecord (Debian's ruby-activerecord with ruby-mysql2 / ruby-pg, which bin/test-servers installs) run as
 * a deploy runs it: a small Ruby script connects with {@code ActiveRecord::Base.establish_connection(DATABASE_URL)} and
 * migrates a folder with {@code ActiveRecord::MigrationContext}, as a process with a time limit. No Ruby fails the
 * test with what to install: these tests prove migrescue against the tool itself and are never skipped.
 */
public final class RubyTools {
    private static final String MIGRATE = """
            require "active_record"
            ActiveRecord::Migration.verbose = true
            ActiveRecord::Base.establish_connection(ENV.fetch("DATABASE_URL"))
            context = begin
              ActiveRecord::MigrationContext.new(ARGV.fetch(0), ActiveRecord::SchemaMigration)
            rescue ArgumentError
              ActiveRecord::MigrationContext.new(ARGV.fetch(0))
            end
            context.migrate
            """;

    private RubyTools() {}

    /** Runs every pending migration of {@code migrations} on {@code db}; what ActiveRecord printed and how Ruby exited. */
    public static NodeTools.Result migrate(ScratchDatabase db, Path migrations, Duration timeout) {
        try {
            Path work = Files.createDirectories(migrations.getParent().resolve("ruby-run"));
            Path script = Files.writeString(work.resolve("migrate.rb"), MIGRATE);
            Path log = work.resolve("run-" + System.nanoTime() + ".log");
            ProcessBuilder builder = new ProcessBuilder(List.of("ruby", script.toString(), migrations.toString()))
                    .directory(work.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            String url = NodeTools.connection(db).get("DATABASE_URL");
            builder.environment()
                    .put(
                            "DATABASE_URL",
                            url.startsWith("mysql://")
                                    ? "mysql2://" + url.substring("mysql://".length())
                                    : "postgresql://" + url.substring("postgres://".length()));
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new AssertionError(
                        "ruby is not installed (not on PATH). The ActiveRecord tests run Debian's ruby-activerecord"
                                + " with ruby-mysql2 and ruby-pg: bin/test-servers installs them.",
                        e);
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(
                        "ActiveRecord's migrate did not finish in " + timeout + ":\n" + NodeTools.read(log));
            }
            return new NodeTools.Result(process.exitValue(), NodeTools.read(log));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
