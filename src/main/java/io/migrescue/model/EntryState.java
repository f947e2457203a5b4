package io.migrescue.model;

/** What a migration tool's history says about one migration. */
public enum EntryState {
    /** ran and recorded as successful (Liquibase MARK_RAN included) */
    APPLIED,
    /** recorded as failed or unfinished: Flyway success=0, Prisma finished_at and rolled_back_at NULL */
    FAILED,
    /** golang-migrate's dirty flag: the run stopped part way */
    DIRTY,
    /** recorded as rolled back (Prisma rolled_back_at); the tool will run it again */
    ROLLED_BACK
}
