-- Sequences owned by columns of the given tables (serial: deptype 'a', identity: deptype 'i'), with their options
-- and the last value they handed out (null when never used, or when we may not read it).
SELECT n.nspname AS schema_name, t.relname AS table_name, a.attname AS column_name,
       sn.nspname AS sequence_schema, s.relname AS sequence_name, d.deptype = 'i' AS is_identity,
       pg_catalog.format_type(q.seqtypid, NULL) AS data_type,
       q.seqstart AS start_value, q.seqincrement AS increment, q.seqmin AS min_value, q.seqmax AS max_value,
       q.seqcache AS cache_size, q.seqcycle AS cycle,
       CASE WHEN pg_catalog.has_sequence_privilege(s.oid, 'SELECT,USAGE')
            THEN pg_catalog.pg_sequence_last_value(s.oid) END AS last_value
FROM pg_catalog.pg_depend d
JOIN pg_catalog.pg_class s ON s.oid = d.objid AND s.relkind = 'S'
JOIN pg_catalog.pg_namespace sn ON sn.oid = s.relnamespace
JOIN pg_catalog.pg_sequence q ON q.seqrelid = s.oid
JOIN pg_catalog.pg_class t ON t.oid = d.refobjid
JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
  AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
  AND d.deptype IN ('a', 'i')
  AND (n.nspname, t.relname) IN (SELECT * FROM ROWS FROM (pg_catalog.unnest(?::text[]), pg_catalog.unnest(?::text[])))
ORDER BY 1, 2, a.attnum
