package io.migrescue.diagnosis.error;

import static io.migrescue.diagnosis.error.MessageTemplate.my;
import static io.migrescue.diagnosis.error.MessageTemplate.pg;

import io.migrescue.diagnosis.ErrorObjects;
import io.migrescue.model.Engine;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * The servers' own message templates (MySQL {@code messages_to_clients.txt}, MariaDB {@code errmsg-utf8.txt},
 * PostgreSQL's backend messages): which code a message belongs to when the wrapper dropped the code, which objects it
 * names, and what it says about the engine. Named groups carry the objects:
 * {@code qname} a possibly qualified table, {@code cols} a column list, {@code key} MySQL 8's {@code table.index},
 * {@code relation} a PostgreSQL relation of unknown kind, {@code dropped} a MySQL 1091 name of unknown kind,
 * {@code what}/{@code name} an object whose kind the message spells out.
 */
final class ServerMessages {
    enum Family {
        POSTGRESQL,
        MYSQL
    }

    /**
     * @param code   the vendor code (MySQL family) or SQLSTATE (PostgreSQL) the template belongs to
     * @param only   the engine only this message comes from, or null when the whole family sends it
     * @param errno  the InnoDB errno inside a 1005/1025 message
     */
    record Match(String code, Family family, Engine only, ErrorObjects objects, Integer errno) {}

    private static final String MY = "(?:`[^`]*`\\.)?`[^`]*`";
    private static final String PG_NAME = "(?:\"[^\"]*\"|[\\w$.]+)";
    /** MariaDB {@code `db`.`t`.`c` at row 1}, MySQL {@code 'c' at row 1}. */
    private static final String COLUMN_AT_ROW =
            "(?:(?<qname>`[^`]*`\\.`[^`]*`)\\.)?[`'](?<column>[^`']*)[`'] at row \\d+";

    private static final List<MessageTemplate> MESSAGES = List.of(
            // MySQL and MariaDB
            my(
                    "1005",
                    null,
                    "Can't create table (?<qname>" + MY
                            + "|'[^']*') \\(errno: (?<errno>\\d+)(?<errtext> \"[^\"]*\")?\\)"),
            my(
                    "1025",
                    null,
                    "Error on rename of '[^']*' to '(?<path>[^']*)' \\(errno: (?<errno>\\d+)(?<errtext> \"[^\"]*\")?\\)"),
            my("1022", null, "Can't write; duplicate key in table '(?<qname>[^']*)'"),
            my("1044", null, "Access denied for user '[^']*'@'[^']*' to database '(?<schema>[^']*)'"),
            my("1048", null, "Column '(?<column>[^']*)' cannot be null"),
            my("1050", null, "Table '(?<qname>[^']*)' already exists"),
            my("1051", null, "Unknown table '(?<qname>[^']*)'"),
            my("1054", null, "Unknown column '(?<qcolumn>[^']*)' in '[^']*'"),
            my("1060", null, "Duplicate column name '(?<column>[^']*)'"),
            my("1061", null, "Duplicate key name '(?<index>[^']*)'"),
            my("1062", null, "Duplicate entry '(?<value>.*)' for key '(?<key>[^']*)'"),
            my("1071", null, "Specified key was too long; max key length is \\d+ bytes"),
            my(
                    "1091",
                    Engine.MARIADB,
                    "Can't DROP (?<what>COLUMN|INDEX|FOREIGN KEY|CONSTRAINT|CHECK|PRIMARY KEY|KEY) `(?<name>[^`]*)`; check that it exists"),
            my("1091", null, "Can't DROP '(?<dropped>[^']*)'; check that column/key exists"),
            my("1138", null, "Invalid use of NULL value"),
            my("1142", null, "\\w{1,64} command denied to user '[^']*'@'[^']*' for table '(?<qname>[^']*)'"),
            my("1146", null, "Table '(?<qname>[^']*)' doesn't exist"),
            my("1205", null, "Lock wait timeout exceeded; try restarting transaction"),
            my("1213", null, "Deadlock found when trying to get lock; try restarting transaction"),
            my("1215", null, "Cannot add foreign key constraint"),
            my("1265", null, "Data truncated for column '(?<column>[^']*)' at row \\d+"),
            my(
                    "1452",
                    null,
                    "Cannot add or update a child row: a foreign key constraint fails \\((?<qname>" + MY
                            + "), CONSTRAINT `(?<constraint>[^`]*)` FOREIGN KEY \\((?<cols>[^)]*)\\) REFERENCES (?<ref>"
                            + MY + ")"),
            my("1452", null, "Cannot add or update a child row: a foreign key constraint fails"),
            my("1553", null, "Cannot drop index '(?<index>[^']*)': needed in a foreign key constraint"),
            // MariaDB spells it "constaint" in some versions
            my(
                    "1822",
                    null,
                    "Failed to add the foreign key constr?aint\\. Missing index for constraint '(?<constraint>[^']*)' in the referenced table '(?<ref>[^']*)'"),
            my("1824", null, "Failed to open the referenced table '(?<ref>[^']*)'"),
            my("1826", Engine.MYSQL, "Duplicate foreign key constraint name '(?<constraint>[^']*)'"),
            my(
                    "1829",
                    null,
                    "Cannot drop column '(?<column>[^']*)': needed in a foreign key constraint '(?<constraint>[^']*)' of table '(?<qname>[^']*)'"),
            my(
                    "1828",
                    null,
                    "Cannot drop column '(?<column>[^']*)': needed in a foreign key constraint '(?<constraint>[^']*)'"),
            my(
                    "1833",
                    null,
                    "Cannot change column '(?<column>[^']*)': used in a foreign key constraint '(?<constraint>[^']*)' of table '(?<qname>[^']*)'"),
            my(
                    "1832",
                    null,
                    "Cannot change column '(?<column>[^']*)': used in a foreign key constraint '(?<constraint>[^']*)'"),
            my("1969", Engine.MARIADB, "Query execution was interrupted \\(max_statement_time exceeded\\)"),
            my("3024", Engine.MYSQL, "Query execution was interrupted, maximum statement execution time exceeded"),
            my(
                    "3730",
                    Engine.MYSQL,
                    "Cannot drop table '(?<qname>[^']*)' referenced by a foreign key constraint '(?<constraint>[^']*)' on table '[^']*'"),
            my(
                    "3780",
                    Engine.MYSQL,
                    "Referencing column '(?<column>[^']*)' and referenced column '[^']*' in foreign key constraint '(?<constraint>[^']*)' are incompatible"),
            my("3819", Engine.MYSQL, "Check constraint '(?<constraint>[^']*)' is violated\\."),
            my("3940", Engine.MYSQL, "Constraint '(?<constraint>[^']*)' does not exist"),
            // a CHECK refused by existing rows (ALTER) or by a new row (INSERT/UPDATE): MariaDB's own wording
            my("4025", Engine.MARIADB, "CONSTRAINT `(?<constraint>[^`]*)` failed for (?<qname>" + MY + ")"),
            my(
                    "6125",
                    Engine.MYSQL,
                    "Failed to add the foreign key constraint\\. Missing unique key for constraint '(?<constraint>[^']*)' in the referenced table '(?<ref>[^']*)'"),
            // Type changes over existing rows (TypeChanges): values the new type cannot hold. MariaDB names the column
            // `db`.`t`.`c`, MySQL 'c'; an ALTER on MariaDB says only "Truncated incorrect INTEGER value: 'abc'".
            // (1292 "Incorrect datetime value: 'x' for column …" reads the same; both mean one kind)
            my("1366", null, "Incorrect \\w+ value: '(?<value>.*)' for column " + COLUMN_AT_ROW),
            my("1292", null, "Truncated incorrect \\w+ value: '(?<value>.*)'"),
            my("1264", null, "Out of range value for column '(?<column>[^']*)' at row \\d+"),
            my("1406", null, "Data too long for column '(?<column>[^']*)' at row \\d+"),
            // PostgreSQL
            pg("42710", "constraint \"(?<constraint>[^\"]*)\" for relation \"(?<qname>[^\"]*)\" already exists"),
            pg(
                    "42710",
                    "(?:type|trigger|extension|function|policy|publication|rule|role|collation) \"[^\"]*\"(?: for (?:relation|table) \"(?<qname>[^\"]*)\")? already exists"),
            pg("42701", "column \"(?<column>[^\"]*)\" of relation \"(?<qname>[^\"]*)\" already exists"),
            pg("42P07", "relation \"(?<relation>[^\"]*)\" already exists"),
            pg("42703", "column \"(?<column>[^\"]*)\" of relation \"(?<qname>[^\"]*)\" does not exist"),
            pg("42703", "column (?<qcolumn>" + PG_NAME + ") does not exist"),
            pg("23502", "column \"(?<column>[^\"]*)\" of relation \"(?<qname>[^\"]*)\" contains null values"),
            pg(
                    "23502",
                    "null value in column \"(?<column>[^\"]*)\"(?: of relation \"(?<qname>[^\"]*)\")? violates not-null constraint"),
            pg(
                    "23514",
                    "check constraint \"(?<constraint>[^\"]*)\" of relation \"(?<qname>[^\"]*)\" is violated by some row"),
            pg(
                    "23514",
                    "new row for relation \"(?<qname>[^\"]*)\" violates check constraint \"(?<constraint>[^\"]*)\""),
            pg("42704", "constraint \"(?<constraint>[^\"]*)\" of relation \"(?<qname>[^\"]*)\" does not exist"),
            pg("42704", "index \"(?<index>[^\"]*)\" does not exist"),
            pg(
                    "42704",
                    "(?:type|trigger|role|extension) \"[^\"]*\"(?: for table \"(?<qname>[^\"]*)\")? does not exist"),
            pg("42P01", "(?:relation|table|view|materialized view|sequence) \"(?<qname>[^\"]*)\" does not exist"),
            pg("42804", "foreign key constraint \"(?<constraint>[^\"]*)\" cannot be implemented"),
            // Type changes over existing rows (TypeChanges): no automatic cast, and values the new type cannot hold
            pg("42804", "column \"(?<column>[^\"]*)\" cannot be cast automatically to type .+"),
            pg("22007", "invalid input syntax for type (?:date|time|timestamp|interval)[\\w ]*: \"(?<value>.*)\""),
            pg("22008", "date/time field value out of range: \"(?<value>.*)\""),
            pg("22P02", "invalid input syntax for type [\\w ]+: \"(?<value>.*)\""),
            pg("22003", "value \"(?<value>.*)\" is out of range for type [\\w ]+"),
            pg("22003", "(?:smallint|integer|bigint) out of range"),
            pg("22003", "numeric field overflow"),
            pg("22001", "value too long for type .+"),
            pg("42830", "there is no unique constraint matching given keys for referenced table \"(?<ref>[^\"]*)\""),
            pg(
                    "23503",
                    "insert or update on table \"(?<qname>[^\"]*)\" violates foreign key constraint \"(?<constraint>[^\"]*)\""),
            pg(
                    "23503",
                    "update or delete on table \"(?<ref>[^\"]*)\" violates foreign key constraint \"(?<constraint>[^\"]*)\" on table \"(?<qname>[^\"]*)\""),
            pg("23505", "could not create unique index \"(?<index>[^\"]*)\""),
            pg("23505", "duplicate key value violates unique constraint \"(?<constraint>[^\"]*)\""),
            pg(
                    "2BP01",
                    "cannot drop (?<what>table|view|materialized view|column|constraint|index|sequence|type|function|schema) (?<name>"
                            + PG_NAME + ")(?: (?:of|on) (?:table|relation) (?<qname>" + PG_NAME
                            + "))? because other objects depend on it"),
            pg("55P03", "could not obtain lock on relation \"(?<qname>[^\"]*)\""),
            pg("55P03", "canceling statement due to lock timeout"),
            pg("40P01", "deadlock detected"),
            pg("57014", "canceling statement due to (?:statement timeout|user request)"),
            pg("25001", "[A-Z][A-Z ]{0,64} cannot (?:run|be executed) inside a transaction block"),
            pg("25P02", "current transaction is aborted, commands ignored until end of transaction block"),
            pg("42501", "permission denied for schema (?<schema>" + PG_NAME + ")"),
            pg("42501", "permission denied for (?:table|relation|sequence|view) (?<qname>" + PG_NAME + ")"),
            pg("42501", "must be owner of (?:table|relation|index|sequence|view) (?<qname>" + PG_NAME + ")"));

    /** PostgreSQL DETAIL lines that name the key columns, the offending value and the other table. */
    private static final List<MessageTemplate> DETAILS = List.of(
            pg("23505", "Key \\((?<cols>.*?)\\)=\\((?<value>.*)\\) is duplicated\\."),
            pg("23505", "Key \\((?<cols>.*?)\\)=\\((?<value>.*)\\) already exists\\."),
            pg("23503", "Key \\((?<cols>.*?)\\)=\\((?<value>.*)\\) is not present in table \"(?<ref>[^\"]*)\"\\."),
            pg(
                    "23503",
                    "Key \\((?<cols>.*?)\\)=\\((?<value>.*)\\) is still referenced from table \"(?<qname>[^\"]*)\"\\."),
            pg("42804", "Key columns \"(?<column>[^\"]*)\".* are of incompatible types"));

    private ServerMessages() {}

    /** Reads a server message (client prefixes already removed) and its PostgreSQL DETAIL, if any. */
    static Optional<Match> match(String message, String detail, String statement, String wrapper) {
        if (message == null) {
            return Optional.empty();
        }
        for (MessageTemplate t : MESSAGES) {
            if (!t.mayMatch(message)) {
                continue;
            }
            Matcher m = t.pattern().matcher(message);
            if (m.lookingAt()) {
                MessageObjects objects = new MessageObjects();
                objects.fill(t, m, statement, wrapper);
                if (detail != null) {
                    for (MessageTemplate d : DETAILS) {
                        if (!d.mayMatch(detail)) {
                            continue;
                        }
                        Matcher dm = d.pattern().matcher(detail);
                        if (dm.lookingAt()) {
                            objects.fill(d, dm, statement, wrapper);
                            break;
                        }
                    }
                }
                Integer errno = t.has("errno") ? Text.toInt(m.group("errno")) : null;
                return Optional.of(new Match(t.code(), t.family(), only(t, m), objects.build(), errno));
            }
        }
        return "sequelize".equals(wrapper) ? detailAlone(detail, statement, wrapper) : Optional.empty();
    }

    /** sequelize-cli replaces the server's message with its own ("Validation error"): the DETAIL alone names the key. */
    private static Optional<Match> detailAlone(String detail, String statement, String wrapper) {
        if (detail == null) {
            return Optional.empty();
        }
        for (MessageTemplate d : DETAILS) {
            if (!d.mayMatch(detail)) {
                continue;
            }
            Matcher dm = d.pattern().matcher(detail);
            if (dm.lookingAt()) {
                MessageObjects objects = new MessageObjects();
                objects.fill(d, dm, statement, wrapper);
                return Optional.of(new Match(d.code(), d.family(), d.only(), objects.build(), null));
            }
        }
        return Optional.empty();
    }

    /** Where in {@code line} a known server message starts, or -1: for error text pasted without any wrapper. */
    static int indexIn(String line) {
        int best = -1;
        for (MessageTemplate t : MESSAGES) {
            if (!t.mayMatch(line)) {
                continue;
            }
            Matcher m = t.pattern().matcher(line);
            if (m.find() && (best < 0 || m.start() < best)) {
                best = m.start();
            }
        }
        return best;
    }

    /** Engine evidence a message gives beyond its family. */
    private static Engine only(MessageTemplate t, Matcher m) {
        if (t.has("errtext") && m.group("errtext") != null) {
            // errno: 121 "Duplicate key on write or update": MariaDB's wording (MySQL 8 sends 1826/3780/6125 instead)
            return Engine.MARIADB;
        }
        if (t.has("key") && m.group("key").contains(".")) {
            return Engine.MYSQL; // MySQL 8.0.19+ qualifies the key with its table; MariaDB does not
        }
        return t.only();
    }
}
