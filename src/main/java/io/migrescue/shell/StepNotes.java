package io.migrescue.shell;

import java.util.Map;

/** What a step of each kind does, in a sentence, for the person deciding whether to run it. */
final class StepNotes {
    private static final Map<String, String> NOTES = Map.ofEntries(
            Map.entry(
                    "backup",
                    "Writes the definition and rows of the tables the repair changes (and the migration tool's history rows)"
                            + " to the backup directory, then reads them back and checks them. Nothing in the database changes."),
            Map.entry(
                    "rename-constraint",
                    "Gives a constraint another name, so that the name is free for the table the migration"
                            + " creates. On MySQL and MariaDB this is a drop and re-add of the same foreign key, in place."),
            Map.entry("drop-constraint", "Removes a constraint; the backup keeps its definition."),
            Map.entry("rename-table", "Moves a table aside under a new name; its rows stay as they are."),
            Map.entry("create-table", "Creates a table the migration expected to exist."),
            Map.entry(
                    "sql", "Runs a statement of the failed migration (or of the playbook) that is not in effect yet."),
            Map.entry("record", "Writes the migration tool's own history, so that its next run goes on from here."),
            Map.entry(
                    "fix-orphans",
                    "Deals with the child rows whose parent row is missing, as the policy says; the backup keeps them."),
            Map.entry(
                    "remove-duplicates",
                    "Removes the duplicate rows that block the unique index; the backup keeps them."),
            Map.entry(
                    "fill-nulls",
                    "Writes the value given where the column is NULL; the backup keeps the rows as they were."),
            Map.entry(
                    "fix-check-rows",
                    "Deletes the rows that fail the new CHECK, or sets the column given in them, as the policy says;"
                            + " the backup keeps the rows as they were."),
            Map.entry(
                    "fix-unfit-rows",
                    "Sets to NULL, to the value given, or cuts to the new length the values the new type cannot hold,"
                            + " or deletes their rows, as the policy says; the backup keeps the rows as they were."),
            Map.entry(
                    "drop-index",
                    "Drops the INVALID index a failed CREATE INDEX CONCURRENTLY left, CONCURRENTLY: writes go on,"
                            + " and no query used it."),
            Map.entry(
                    "create-index",
                    "Builds the index again CONCURRENTLY (writes go on); it is checked valid afterwards."),
            Map.entry(
                    "alter-column",
                    "Gives the foreign key column the referenced column's type; a guard first counts values that"
                            + " would not fit, and the backup keeps the rows as they were."));

    private StepNotes() {}

    static String of(String kind) {
        return NOTES.getOrDefault(kind, "");
    }
}
