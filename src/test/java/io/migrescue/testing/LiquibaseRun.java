package io.migrescue.testing;

import java.nio.file.Path;
import java.sql.Connection;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;

/** Real Liquibase on a scratch database, as its CLI runs it: the changelog {@code db/master.xml} under a folder. */
public final class LiquibaseRun {
    private LiquibaseRun() {}

    /** One call on the Liquibase object. */
    public interface Call {
        void run(Liquibase liquibase) throws Exception;
    }

    /** No analytics call home (the machine is offline), and no wait for a lock a failed run left. */
    public static void quietAndOffline() {
        System.setProperty("liquibase.analytics.enabled", "false");
        System.setProperty("liquibase.changelogLockWaitTimeInMinutes", "0");
    }

    public static void liquibase(ScratchDatabase db, Path dir, Call call) throws Exception {
        try (Connection c = db.connect()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            try (Liquibase liquibase =
                    new Liquibase("db/master.xml", new DirectoryResourceAccessor(dir.toFile()), database)) {
                call.run(liquibase);
            }
        }
    }

    public static void update(ScratchDatabase db, Path dir) throws Exception {
        liquibase(db, dir, l -> l.update(new Contexts(), new LabelExpression()));
    }
}
