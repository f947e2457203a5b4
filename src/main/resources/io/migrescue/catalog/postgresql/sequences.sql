-- Sequences in scope with their options. Identity columns' own sequences are left out: they belong to their column
-- (an internal dependency, deptype 'i') and are compared as part of it. A serial column's sequence is kept: the
-- column default names it, so it has to exist before the table that uses it.
SELECT n.nspname AS schema_name, c.relname AS sequence_name,
       pg_catalog.format_type(s.seqtypid, NULL) AS data_type,
       s.seqstart AS start_value, s.seqincrement AS increment, s.seqmin AS min_value, s.seqmax AS max_value,
       s.seqcache AS cache_size, s.seqcycle AS cycle
FROM pg_catalog.pg_sequence s
JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid AND d.deptype = 'i')
ORDER BY 1, 2
