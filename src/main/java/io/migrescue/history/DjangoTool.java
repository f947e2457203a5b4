package io.migrescue.history;

import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Django's {@code django_migrations (id, app, name, applied)}. A migration is {@code app.name}, as Django prints it
 * ("Applying shop.0003_add_fk..."). Each migration is atomic on PostgreSQL, so a failure leaves no row and nothing
 * applied; on MySQL its DDL before the failure stays, still without a row.
 *
 * <p>Writes {@code django_migrations} as Django 5 does (django/db/migrations/recorder.py: {@code record_applied} creates
 * the row, {@code record_unapplied} deletes it), which is also what {@code migrate --fake} does. {@code applied} is
 * Django's {@code timezone.now()}: with {@code USE_TZ} (the default since Django 5.0) an instant, which MySQL holds
 * as its UTC wall clock.
 */
final class DjangoTool extends MigrationTool {
    static final String TOOL = "django";

    DjangoTool() {
        super(
                TOOL,
                "django_migrations",
                new Refusals(
                        "Django keeps no lock: two migrate runs at once are not prevented",
                        "Django has no dirty flag: a migration has a row in django_migrations or none"),
                "app",
                "name",
                "applied");
    }

    @Override
    public boolean recordsByNameAlone() {
        return true;
    }

    /** Every Django app has its 0001_initial.py: the id app.name is the one that tells them apart. */
    @Override
    public boolean idOutranksFileName() {
        return true;
    }

    @Override
    protected Optional<TransactionSwitch> transactionSwitch() {
        return Optional.of(new TransactionSwitch("\\batomic\\s*=\\s*False\\b", "atomic = False on the Migration"));
    }

    @Override
    protected List<BoundStatement> applied(
            Dialect d, MigrationHistory h, MigrationFile file, Instant now, String installedBy) {
        String[] key = key(file);
        if (HistorySql.entry(h, key[0] + "." + key[1]).isPresent()) {
            return List.of();
        }
        Timestamps.Value applied = Timestamps.utc(d, now);
        return List.of(BoundStatement.of(
                "INSERT INTO " + HistorySql.table(d, h) + " (" + HistorySql.columns(d, "app", "name", "applied")
                        + ") VALUES (?, ?, " + applied.sql() + ")",
                key[0],
                key[1],
                applied.param()));
    }

    /** {@code id} is {@code app.name}; deletes its rows, as {@code migrate app previous} does after unapplying it. */
    @Override
    protected List<BoundStatement> rolledBack(
            Dialect d, MigrationHistory h, String id, List<MigrationFile> files, Instant now) {
        return HistorySql.deleteEntry(d, h, id, List.of("app", "name"), k -> {
            int dot = k.indexOf('.');
            return List.of(k.substring(0, dot), k.substring(dot + 1));
        });
    }

    /**
     * {@code {app, name}} of {@code shop/migrations/0003_add_fk.py}: the app is the folder holding {@code migrations/}
     * (its default label; an AppConfig with another label is named as {@code app.name} in the id instead).
     */
    static String[] key(MigrationFile file) {
        String id = file.id();
        int dot = id == null ? -1 : id.indexOf('.');
        if (dot > 0 && !id.endsWith(".py")) {
            return new String[] {id.substring(0, dot), id.substring(dot + 1)};
        }
        Path path = file.path();
        Path migrations = path == null ? null : path.getParent();
        Path app = migrations == null ? null : migrations.getParent();
        if (app == null
                || app.getFileName() == null
                || !"migrations".equals(migrations.getFileName().toString())) {
            throw new IllegalArgumentException("cannot tell the Django app of " + path
                    + ": expected <app>/migrations/<name>.py," + " or an id app.name");
        }
        return new String[] {
            app.getFileName().toString(), MigrationNames.stem(path.getFileName().toString())
        };
    }

    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found)
            throws SQLException {
        String sql = "SELECT app, name, applied FROM " + dialect.qualify(table.schema(), table.name()) + " ORDER BY id";
        List<HistoryEntry> entries = Rows.entries(connection, sql, rs -> {
            String id = rs.getString("app") + "." + rs.getString("name");
            return new HistoryEntry(id, id, EntryState.APPLIED, Rows.instant(rs, "applied"), null, null);
        });
        return new MigrationHistory(tool(), table.schema(), table.name(), entries, null);
    }
}
