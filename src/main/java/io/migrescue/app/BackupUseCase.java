package io.migrescue.app;

import io.migrescue.backup.BackupManifest;
import io.migrescue.backup.BackupRequest;
import io.migrescue.backup.BackupWriter;
import io.migrescue.backup.Progress;
import io.migrescue.backup.TableSelection;
import io.migrescue.catalog.CatalogReader;
import io.migrescue.db.DatabaseSession;
import io.migrescue.failure.MigrescueException;
import io.migrescue.model.TableShape;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code backup}: the tables named on the command line, found in the schemas in scope, written with a manifest. */
public final class BackupUseCase {
    private BackupUseCase() {}

    /**
     * @param tables {@code table} (looked up in the schemas in scope) or {@code schema.table}
     * @param data   false for definitions only
     */
    public record Request(List<String> schemas, List<String> tables, Path dir, boolean data) {}

    public static BackupManifest run(DatabaseSession session, Request request, Progress progress) {
        List<String> scope = Scope.resolve(session.info(), request.schemas());
        List<TableSelection> selections = resolve(session, scope, request.tables());
        return BackupWriter.write(session, new BackupRequest(selections, request.data()), request.dir(), progress);
    }

    /** Every name to the one table it means, in one catalog query; an unknown or ambiguous name is a usage error. */
    static List<TableSelection> resolve(DatabaseSession session, List<String> scope, List<String> names) {
        Set<String> schemas = new LinkedHashSet<>(scope);
        Set<String> lowerNames = new LinkedHashSet<>();
        for (String name : names) {
            TableName n = TableName.parse(name);
            if (n.schema() != null) {
                schemas.add(n.schema());
            }
            lowerNames.add(n.table().toLowerCase(Locale.ROOT));
        }
        List<TableShape> found;
        try {
            found = CatalogReader.of(session.engine())
                    .tableShapes(session.connection(), List.copyOf(schemas), lowerNames);
        } catch (SQLException e) {
            throw DatabaseFailures.reading("backup", e);
        }
        List<TableSelection> selections = new ArrayList<>();
        for (String name : names) {
            TableName n = TableName.parse(name);
            List<String> where = n.schema() != null ? List.of(n.schema()) : scope;
            List<TableShape> candidates = found.stream()
                    .filter(s -> where.contains(s.schema()) && s.named(n.table()))
                    .toList();
            List<TableShape> exact =
                    candidates.stream().filter(s -> s.name().equals(n.table())).toList();
            List<TableShape> matches = exact.isEmpty() ? candidates : exact;
            if (matches.isEmpty()) {
                throw MigrescueException.usage("no table named " + name + " in " + String.join(", ", where));
            }
            if (matches.size() > 1) {
                throw MigrescueException.usage("table " + name + " is in "
                        + String.join(
                                ", ",
                                matches.stream()
                                        .map(s -> s.schema() + "." + s.name())
                                        .toList()) + ": say which, as schema.table");
            }
            selections.add(
                    TableSelection.whole(matches.get(0).schema(), matches.get(0).name()));
        }
        return selections;
    }

    /** {@code table} or {@code schema.table}: split at the first dot. */
    record TableName(String schema, String table) {
        static TableName parse(String text) {
            String t = text.strip();
            int dot = t.indexOf('.');
            if (t.isEmpty() || dot == 0 || dot == t.length() - 1) {
                throw MigrescueException.usage("not a table name: '" + text + "' (give table or schema.table)");
            }
            return dot < 0 ? new TableName(null, t) : new TableName(t.substring(0, dot), t.substring(dot + 1));
        }
    }
}
