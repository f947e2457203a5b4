package io.migrescue.testing;

import io.migrescue.catalog.CatalogReader;
import io.migrescue.model.Engine;
import io.migrescue.model.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Two tables per engine that hold every value a backup could get wrong: text with tabs, newlines, backslashes, quotes
 * and characters outside the BMP, NULL beside the empty string, every byte value, exact decimals, instants, JSON,
 * identity and serial / AUTO_INCREMENT keys, a generated column, a trigger that would change rows if it fired on a
 * restore, and a foreign key with ON DELETE CASCADE between them. {@code customers} is the parent of {@code awkward}.
 */
public final class AwkwardTables {
    /** Text no format may bend: tab, CR, LF, backslash sequences that look like escapes, quotes, NUL-free unicode. */
    public static final String NASTY = "tab\there\r\nnew\\nline \\N \\x00 back\\\\slash 'single' \"double\" `tick` "
            + "café 漢字 emoji 😀 \u202Ertl -- ; /* */";

    private AwkwardTables() {}

    public static void create(ScratchDatabase db) throws Exception {
        if (db.engine() == Engine.POSTGRESQL) {
            createPostgres(db);
        } else {
            createMySql(db);
        }
    }

    private static void createPostgres(ScratchDatabase db) throws Exception {
        db.execute(
                "CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL,"
                        + " name text, CONSTRAINT customers_email_key UNIQUE (email))",
                "CREATE TABLE awkward (id serial PRIMARY KEY,"
                        + " customer_id bigint CONSTRAINT awkward_customer_fk REFERENCES customers (id) ON DELETE CASCADE,"
                        + " label text, maybe text, payload bytea, doc jsonb, amount numeric(20,6), at timestamptz, day date,"
                        + " flag boolean, tags text[], ref uuid, ratio double precision, span interval,"
                        + " doubled numeric GENERATED ALWAYS AS (amount * 2) STORED,"
                        + " created timestamp NOT NULL DEFAULT now(),"
                        + " CONSTRAINT awkward_label_len CHECK (length(label) < 1000))",
                "CREATE INDEX awkward_day_idx ON awkward (day) WHERE day IS NOT NULL",
                "CREATE UNIQUE INDEX awkward_ref_uq ON awkward (ref)",
                "CREATE INDEX awkward_doc_gin ON awkward USING gin (doc)",
                "CREATE FUNCTION awkward_mark() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " NEW.label := coalesce(NEW.label, '') || '!'; RETURN NEW; END $$",
                "CREATE TRIGGER awkward_mark BEFORE INSERT ON awkward FOR EACH ROW EXECUTE FUNCTION awkward_mark()",
                "INSERT INTO customers (email, name) SELECT 'c' || g || '@example.com', 'Customer ' || g FROM generate_series(1, 5) g",
                "INSERT INTO awkward (customer_id, label, maybe, payload, doc, amount, at, day, flag, tags, ref, ratio, span) VALUES"
                        + " (1, " + pgText(NASTY)
                        + ", '', (SELECT decode(string_agg(lpad(to_hex(b), 2, '0'), '' ORDER BY b), 'hex')"
                        + " FROM generate_series(0, 255) b), '{\"a\": [1, 2.50, \"x\\ny\"], \"t\": \"\\t\\\\\"}',"
                        + " 12345678901234.123456, '2024-03-10 02:30:00.123456+05:30', '0001-01-01', true,"
                        + " ARRAY['a,b', 'c\"d', NULL, '', 'x\\y'], 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 0.1 + 0.2, '1 year -2 days 03:04:05.5'),"
                        + " (2, '', NULL, '', 'null', -0.000001, '-infinity', '2000-02-29', false, '{}', NULL, 'NaN', '0'),"
                        + " (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
                        + " (3, 'plain', 'x', '\\x00', '[]', 0, 'infinity', '9999-12-31', NULL, ARRAY[]::text[],"
                        + " 'b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12', 1e-300, '-1 mons')",
                "INSERT INTO awkward (customer_id, label, amount, day) SELECT 1 + g % 5, 'row ' || g || E'\\t' || repeat('é', g % 7),"
                        + " g * 1.5, date '2024-01-01' + g FROM generate_series(1, 200) g");
    }

    private static void createMySql(ScratchDatabase db) throws Exception {
        db.execute(
                "CREATE TABLE customers (id int AUTO_INCREMENT PRIMARY KEY, email varchar(100) NOT NULL, name varchar(100),"
                        + " UNIQUE KEY customers_email_key (email)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
                "CREATE TABLE awkward (id bigint AUTO_INCREMENT PRIMARY KEY, customer_id int, label varchar(300), body mediumtext,"
                        + " maybe varchar(10), blob_col blob, vb varbinary(300), amount decimal(20,6), at datetime(6), day date,"
                        + " t time(6), doc json, kind enum('a','b','c'), flag tinyint(1), bits bit(8), f float, d double, y year,"
                        + " ts timestamp(3) NULL DEFAULT NULL, twice bigint AS (id * 2) VIRTUAL,"
                        + " CONSTRAINT awkward_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE,"
                        + " CONSTRAINT awkward_amount_ck CHECK (amount > -100000000000000),"
                        + " KEY awkward_day_idx (day)) ENGINE=InnoDB AUTO_INCREMENT=1000 DEFAULT CHARSET=utf8mb4",
                "CREATE TRIGGER awkward_mark BEFORE INSERT ON awkward FOR EACH ROW SET NEW.label = CONCAT(COALESCE(NEW.label, ''), '!')",
                "INSERT INTO customers (email, name) VALUES ('c1@example.com', 'Customer 1'), ('c2@example.com', 'Customer 2'),"
                        + " ('c3@example.com', 'Customer 3'), ('c4@example.com', NULL), ('c5@example.com', '')",
                "INSERT INTO awkward (customer_id, label, body, maybe, blob_col, vb, amount, at, day, t, doc, kind, flag, bits, f, d, y, ts)"
                        + " VALUES (1, " + myText(NASTY) + ", " + myText(NASTY + "\n" + NASTY) + ", '', " + allBytes()
                        + ", "
                        + allBytes()
                        + ", 12345678901234.123456, '2024-03-10 02:30:00.123456', '0001-01-01', '-838:59:59.000001',"
                        + " '{\"a\": [1, 2.50, \"x\\\\ny\"], \"t\": \"\\\\t\"}', 'b', 1, b'10101010', 1.2345678, 0.1e0 + 0.2e0, 2024,"
                        + " '2024-03-31 01:30:00.123'),"
                        + " (2, '', '', NULL, '', '', -0.000001, '0000-00-00 00:00:00', '0000-00-00', '00:00:00', 'null', 'a', 0,"
                        + " b'0', -0, 5e-324, 1901, '1970-01-01 00:00:01'),"
                        + " (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
                        + " (3, 'plain', 'x', 'x', x'00', x'FF00', 0, '9999-12-31 23:59:59.999999', '9999-12-31', '838:59:59',"
                        + " '[]', 'c', 127, b'11111111', 3.4028234e38, -1.7976931348623157e308, 2155, '2038-01-19 03:14:07.999')");
        db.execute("INSERT INTO awkward (customer_id, label, amount, day) WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL"
                + " SELECT n + 1 FROM g WHERE n < 200) SELECT 1 + n % 5, CONCAT('row ', n, '\\t', REPEAT('é', n % 7)),"
                + " n * 1.5, DATE_ADD('2024-01-01', INTERVAL n DAY) FROM g");
    }

    /** A checksum of every column of both tables, in id order, that tells NULL from '' and keeps every bit. */
    public static String checksum(ScratchDatabase db) throws Exception {
        String[] queries = db.engine() == Engine.POSTGRESQL
                ? new String[] {
                    "SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM customers t",
                    "SELECT md5(string_agg(t::text || '#' || coalesce(t.ratio::text, 'N'), '|' ORDER BY id)) FROM awkward t"
                }
                : new String[] {
                    "SELECT MD5(GROUP_CONCAT(CONCAT_WS('#', id, QUOTE(email), QUOTE(name)) ORDER BY id SEPARATOR '|')) FROM customers",
                    "SELECT MD5(GROUP_CONCAT(CONCAT_WS('#', id, QUOTE(customer_id), QUOTE(label), QUOTE(body), QUOTE(maybe),"
                            + " QUOTE(HEX(blob_col)), QUOTE(HEX(vb)), QUOTE(amount), QUOTE(at), QUOTE(day), QUOTE(t), QUOTE(doc),"
                            + " QUOTE(kind), QUOTE(flag), QUOTE(HEX(bits)), QUOTE(f + 0e0), QUOTE(d), QUOTE(y), QUOTE(ts),"
                            + " QUOTE(twice)) ORDER BY id SEPARATOR '|')) FROM awkward"
                };
        List<String> sums = new ArrayList<>();
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            if (db.engine() != Engine.POSTGRESQL) {
                st.execute("SET SESSION group_concat_max_len = 1073741824, time_zone = '+00:00'");
            }
            for (String q : queries) {
                try (ResultSet rs = st.executeQuery(q)) {
                    rs.next();
                    sums.add(rs.getString(1));
                }
            }
        }
        return String.join(" ", sums);
    }

    /** Rows changed, deleted (cascading to children), added, and a constraint dropped: what a repair might leave. */
    public static void mutate(ScratchDatabase db) throws Exception {
        if (db.engine() == Engine.POSTGRESQL) {
            db.execute(
                    "UPDATE awkward SET label = 'changed', payload = NULL WHERE id IN (1, 5)",
                    "DELETE FROM customers WHERE id = 2",
                    "DELETE FROM awkward WHERE id > 150",
                    "INSERT INTO awkward (label) VALUES ('added after the backup')",
                    "ALTER TABLE awkward DROP CONSTRAINT awkward_label_len",
                    "DROP INDEX awkward_doc_gin");
        } else {
            db.execute(
                    "UPDATE awkward SET label = 'changed', blob_col = NULL WHERE id IN (1000, 1005)",
                    "DELETE FROM customers WHERE id = 2",
                    "DELETE FROM awkward WHERE id > 1150",
                    "INSERT INTO awkward (label) VALUES ('added after the backup')",
                    "ALTER TABLE awkward DROP CONSTRAINT awkward_amount_ck",
                    "ALTER TABLE awkward DROP INDEX awkward_day_idx");
        }
    }

    public static List<Table> catalog(ScratchDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            return CatalogReader.of(db.engine())
                    .read(c, List.of(db.defaultSchema()))
                    .tables();
        }
    }

    public static long count(ScratchDatabase db, String sql) throws Exception {
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String pgText(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String myText(String s) {
        return "'"
                + s.replace("\\", "\\\\")
                        .replace("'", "''")
                        .replace("\r", "\\r")
                        .replace("\n", "\\n")
                        .replace("\t", "\\t")
                + "'";
    }

    private static String allBytes() {
        StringBuilder hex = new StringBuilder("x'");
        for (int b = 0; b < 256; b++) {
            hex.append(String.format("%02X", b));
        }
        return hex.append("'").toString();
    }
}
