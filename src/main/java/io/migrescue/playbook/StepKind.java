package io.migrescue.playbook;

/**
 * The vocabulary of playbook steps in one table: each kind's name as a playbook writes it, the record that carries
 * its arguments, and what it does that running the migration again cannot take back (null: nothing). A {@code sql}
 * step says that from its text ({@link StepSpec.Sql#disrupts()}).
 */
enum StepKind {
    BACKUP("backup", StepSpec.Backup.class, null),
    EXPLAIN("explain", StepSpec.Explain.class, null),
    RENAME_CONSTRAINT("rename-constraint", StepSpec.RenameConstraint.class, null),
    FREE_CONSTRAINT_NAMES("free-constraint-names", StepSpec.FreeConstraintNames.class, null),
    CREATE_TABLE_FROM("create-table-from", StepSpec.CreateTableFrom.class, null),
    DROP_CONSTRAINT("drop-constraint", StepSpec.DropConstraint.class, null),
    RENAME_TABLE("rename-table", StepSpec.RenameTable.class, "renames a live table"),
    REBUILD_INDEX("rebuild-index", StepSpec.RebuildIndex.class, null),
    ALIGN_FK_COLUMNS(
            "align-fk-columns",
            StepSpec.AlignFkColumns.class,
            "changes the type of a live column (the table is rewritten)"),
    FINISH_MIGRATION("finish-migration", StepSpec.FinishMigration.class, null),
    REVERT_MIGRATION(
            "revert-migration",
            StepSpec.RevertMigration.class,
            "drops the tables the migration created (their rows kept only in the backup) and renames back the ones"
                    + " it renamed"),
    SETTLE_DIRTY_VERSION(
            "settle-dirty-version",
            StepSpec.SettleDirty.class,
            "going back, drops the tables the migration created (their rows kept only in the backup) and renames"
                    + " back the ones it renamed"),
    FIX_ORPHANS("fix-orphans", StepSpec.FixOrphans.class, "deletes or rewrites rows"),
    REMOVE_DUPLICATES("remove-duplicates", StepSpec.RemoveDuplicates.class, "deletes rows"),
    WAIT_FOR_LOCKS(
            "wait-for-locks",
            StepSpec.WaitForLocks.class,
            "ends the session the operator names, if it still blocks the migration"),
    FILL_NULLS("fill-nulls", StepSpec.FillNulls.class, "rewrites rows"),
    FIX_CHECK_ROWS("fix-check-rows", StepSpec.FixCheckRows.class, "deletes or rewrites rows"),
    FIX_UNFIT_ROWS("fix-unfit-rows", StepSpec.FixUnfitRows.class, "deletes or rewrites rows"),
    SQL("sql", StepSpec.Sql.class, null),
    RECORD("record", StepSpec.Record.class, null),
    VERIFY("verify", StepSpec.Verify.class, null);

    private final String id;
    private final Class<? extends StepSpec> spec;
    private final String disrupts;

    StepKind(String id, Class<? extends StepSpec> spec, String disrupts) {
        this.id = id;
        this.spec = spec;
        this.disrupts = disrupts;
    }

    String id() {
        return id;
    }

    String disrupts() {
        return disrupts;
    }

    static StepKind of(StepSpec step) {
        for (StepKind k : values()) {
            if (k.spec == step.getClass()) {
                return k;
            }
        }
        throw new IllegalStateException(
                "a step record without a kind: " + step.getClass().getSimpleName());
    }
}
