SELECT CASE c.relkind WHEN 'm' THEN 'materialized view' ELSE 'view' END AS kind, n.nspname,
       c.relname AS name,
       pg_get_viewdef(c.oid) AS definition,
       CASE c.relkind WHEN 'm' THEN 'CREATE MATERIALIZED VIEW ' ELSE 'CREATE VIEW ' END
           || format('%I.%I', n.nspname, c.relname) || ' AS' || chr(10) || rtrim(pg_get_viewdef(c.oid), ';')
           AS create_sql,
       CASE c.relkind WHEN 'm' THEN 'DROP MATERIALIZED VIEW ' ELSE 'DROP VIEW ' END
           || format('%I.%I', n.nspname, c.relname) AS drop_sql
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                  AND d.deptype = 'e')
ORDER BY c.oid
