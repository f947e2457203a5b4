-- Identity columns' sequence options where they are not the defaults (start 1, increment 1, no min or max, cache 1,
-- no cycle): the column itself says only "generated always / by default as identity". Set all at once, so that the
-- statement makes any other version of them this one.
SELECT 'identity options' AS kind, n.nspname, c.relname || '.' || a.attname AS name,
       concat_ws(' ', 'start with ' || s.seqstart, 'increment by ' || s.seqincrement, 'minvalue ' || s.seqmin,
                 'maxvalue ' || s.seqmax, 'cache ' || s.seqcache, CASE WHEN s.seqcycle THEN 'cycle' ELSE 'no cycle' END)
           AS definition,
       format('ALTER TABLE %I.%I ALTER COLUMN %I SET START WITH %s SET INCREMENT BY %s SET MINVALUE %s SET MAXVALUE %s '
              || 'SET CACHE %s SET %sCYCLE', n.nspname, c.relname, a.attname, s.seqstart, s.seqincrement, s.seqmin,
              s.seqmax, s.seqcache, CASE WHEN s.seqcycle THEN '' ELSE 'NO ' END) AS create_sql,
       format('ALTER TABLE %I.%I ALTER COLUMN %I SET START WITH 1 SET INCREMENT BY 1 SET NO MINVALUE SET NO MAXVALUE '
              || 'SET CACHE 1 SET NO CYCLE', n.nspname, c.relname, a.attname) AS drop_sql
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_depend d ON d.refclassid = 'pg_class'::regclass AND d.refobjid = a.attrelid AND d.refobjsubid = a.attnum
                AND d.classid = 'pg_class'::regclass AND d.deptype = 'i'
JOIN pg_sequence s ON s.seqrelid = d.objid
WHERE a.attidentity <> '' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY (?)
  AND (s.seqstart <> 1 OR s.seqincrement <> 1 OR s.seqmin <> 1 OR s.seqcache <> 1 OR s.seqcycle
       OR s.seqmax <> CASE s.seqtypid WHEN 'int2'::regtype THEN 32767 WHEN 'int4'::regtype THEN 2147483647
                                      ELSE 9223372036854775807 END)
