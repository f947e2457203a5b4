SELECT 'comment' AS kind, n.nspname,
       CASE WHEN d.objsubid > 0 THEN c.relname || '.' || a.attname
            WHEN c.relkind = 'i' THEN c.relname || ' (index)'
            ELSE c.relname END AS name,
       d.description AS definition,
       format('COMMENT ON %s %s IS %L', CASE WHEN d.objsubid > 0 THEN 'COLUMN' ELSE CASE c.relkind
              WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'i' THEN 'INDEX'
              WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END END,
              format('%I.%I', n.nspname, c.relname) || CASE WHEN d.objsubid > 0
                  THEN '.' || quote_ident(a.attname) ELSE '' END, d.description) AS create_sql,
       format('COMMENT ON %s %s IS NULL', CASE WHEN d.objsubid > 0 THEN 'COLUMN' ELSE CASE c.relkind
              WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'i' THEN 'INDEX'
              WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END END,
              format('%I.%I', n.nspname, c.relname) || CASE WHEN d.objsubid > 0
                  THEN '.' || quote_ident(a.attname) ELSE '' END) AS drop_sql
FROM pg_description d JOIN pg_class c ON d.classoid = 'pg_class'::regclass AND c.oid = d.objoid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0
WHERE n.nspname = ANY (?) AND (d.objsubid = 0 OR a.attname IS NOT NULL)
UNION ALL
SELECT 'comment', n.nspname, c.relname || '.' || k.conname || ' (constraint)', d.description,
       format('COMMENT ON CONSTRAINT %I ON %I.%I IS %L', k.conname, n.nspname, c.relname, d.description),
       format('COMMENT ON CONSTRAINT %I ON %I.%I IS NULL', k.conname, n.nspname, c.relname)
FROM pg_description d JOIN pg_constraint k ON d.classoid = 'pg_constraint'::regclass AND k.oid = d.objoid
JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY (?)
