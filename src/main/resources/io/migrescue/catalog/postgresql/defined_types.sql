-- Domains and composite types of the schemas in scope (not an extension's): one line per part of the definition,
-- so that a change can be made in place part by part.
SELECT 'domain' AS kind, n.nspname, t.typname AS name, x.definition,
       format('CREATE DOMAIN %I.%I ', n.nspname, t.typname) || replace(x.definition, E'\n', ' ') AS create_sql,
       format('DROP DOMAIN %I.%I', n.nspname, t.typname) AS drop_sql
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_type b ON b.oid = t.typbasetype
CROSS JOIN LATERAL (SELECT concat_ws(E'\n', 'AS ' || format_type(t.typbasetype, t.typtypmod)
                     || CASE WHEN t.typcollation <> 0 AND t.typcollation <> b.typcollation
                             THEN ' COLLATE ' || (SELECT format('%I.%I', cn.nspname, co.collname) FROM pg_collation co
                                 JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = t.typcollation) ELSE '' END,
                 'DEFAULT ' || pg_get_expr(t.typdefaultbin, 0),
                 CASE WHEN t.typnotnull THEN 'NOT NULL' END,
                 (SELECT string_agg(format('CONSTRAINT %I ', k.conname) || pg_get_constraintdef(k.oid), E'\n' ORDER BY k.conname)
                  FROM pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c')) AS definition) x
WHERE t.typtype = 'd' AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
UNION ALL
SELECT 'composite type', n.nspname, t.typname, x.definition,
       format('CREATE TYPE %I.%I AS (', n.nspname, t.typname) || replace(x.definition, E'\n', ' ') || ')',
       format('DROP TYPE %I.%I', n.nspname, t.typname)
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_class c ON c.oid = t.typrelid
CROSS JOIN LATERAL (SELECT string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)
                   || CASE WHEN a.attcollation <> 0 AND a.attcollation <> at.typcollation
                           THEN ' COLLATE ' || (SELECT format('%I.%I', cn.nspname, co.collname) FROM pg_collation co
                               JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) ELSE '' END,
                   E',\n' ORDER BY a.attnum) AS definition
        FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid
        WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) x
WHERE t.typtype = 'c' AND c.relkind = 'c' AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
