-- Names only, for every table in scope: tables, their constraints and their indexes. Cheap (no definitions), so a
-- diagnosis can find who holds a name anywhere in the schema while reading details only for the tables it needs.
SELECT n.nspname AS schema_name, c.relname AS table_name, 'table' AS kind, c.relname AS name
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY (?)
UNION ALL
SELECT n.nspname, t.relname, 'constraint:' || con.contype::text, con.conname
FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_class t ON t.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
WHERE t.relkind IN ('r', 'p') AND con.contype IN ('p', 'u', 'f', 'c', 'x') AND n.nspname = ANY (?)
UNION ALL
SELECT n.nspname, t.relname, 'index', i.relname
FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
JOIN pg_catalog.pg_class t ON t.oid = x.indrelid JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
WHERE t.relkind IN ('r', 'p') AND n.nspname = ANY (?)
