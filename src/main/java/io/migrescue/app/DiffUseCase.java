package io.migrescue.app;

import io.migrescue.catalog.CatalogReader;
import io.migrescue.db.DatabaseSession;
import io.migrescue.diff.DiffResult;
import io.migrescue.diff.RowCountComparison;
import io.migrescue.diff.SchemaDiff;
import io.migrescue.diff.TableCount;
import io.migrescue.diff.script.FixScript;
import io.migrescue.failure.MigrescueException;
import io.migrescue.model.Engine;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code diff}: reads both databases (at the same time: two servers, two connections, so the slower one sets the
 * pace), compares them, and plans the script that makes the target like the source. Read-only on both sides.
 */
public final class DiffUseCase {
    private DiffUseCase() {}

    public static DiffReport run(DatabaseSession source, DatabaseSession target, DiffRequest request) {
        if (source.engine().isMySqlFamily() != target.engine().isMySqlFamily()) {
            throw MigrescueException.usage("cannot compare " + source.engine().displayName() + " with "
                    + target.engine().displayName() + ": both databases must be PostgreSQL, or both MySQL/MariaDB");
        }
        List<String> sourceSchemas = Scope.resolve(source.info(), request.sourceSchemas());
        List<String> targetSchemas = Scope.resolve(target.info(), request.targetSchemas());
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "migrescue-diff-read");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<DiffSideReader.Side> sourceRead =
                    pool.submit(() -> readSide("source", source, sourceSchemas, targetSchemas, request));
            Future<DiffSideReader.Side> targetRead =
                    pool.submit(() -> readSide("target", target, targetSchemas, sourceSchemas, request));
            DiffSideReader.Side s = await(sourceRead);
            DiffSideReader.Side t = await(targetRead);
            DiffResult result = SchemaDiff.compare(s.snapshot(), t.snapshot(), request.options());
            List<TableCount> counts = request.counts() == CountMode.NONE
                    ? List.of()
                    : RowCountComparison.compare(result.matching(), s.counts(), t.counts());
            return new DiffReport(
                    source.info(),
                    target.info(),
                    sourceSchemas,
                    targetSchemas,
                    result,
                    request.counts(),
                    counts,
                    FixScript.plan(
                            result, request.allowDestructive(), t.snapshot().definedObjects()));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A schema in scope must exist, unless the other side names it too: then it is a schema missing on this side,
     * which is a difference, not a typo.
     */
    private static DiffSideReader.Side readSide(
            String side, DatabaseSession session, List<String> schemas, List<String> otherScope, DiffRequest request) {
        try {
            List<String> existing = CatalogReader.of(session.engine()).userSchemas(session.connection());
            List<String> unknown = schemas.stream()
                    .filter(s -> !existing.contains(s) && !otherScope.contains(s))
                    .toList();
            if (!unknown.isEmpty()) {
                throw MigrescueException.usage(side + ": "
                        + (session.engine() == Engine.POSTGRESQL ? "no schema named " : "no database named ")
                        + String.join(", ", unknown) + " on " + session.info().url());
            }
            return DiffSideReader.read(session, schemas, existing, request.counts());
        } catch (SQLException e) {
            throw DatabaseFailures.reading("diff (" + side + ")", e);
        }
    }

    private static DiffSideReader.Side await(Future<DiffSideReader.Side> read) {
        try {
            return read.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the catalogs", e);
        }
    }
}
