-- Privileges granted on tables, views and sequences and on their columns, per grantee (the owner's own are left out:
-- owners are not compared). Grant options are not compared.
SELECT 'privilege' AS kind, n.nspname, c.relname || ' to ' || g.grantee AS name, g.privileges AS definition,
       format('GRANT %s ON %I.%I TO ', g.privileges, n.nspname, c.relname) || g.grantee AS create_sql,
       format('REVOKE %s ON %I.%I FROM ', g.privileges, n.nspname, c.relname) || g.grantee AS drop_sql
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL (SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)::text) END
                               AS grantee, string_agg(a.privilege_type, ', ' ORDER BY a.privilege_type) AS privileges
                    FROM aclexplode(c.relacl) a WHERE a.grantee <> c.relowner GROUP BY a.grantee) g
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND NOT c.relispartition AND n.nspname = ANY (?)
UNION ALL
SELECT 'privilege', n.nspname, c.relname || '.' || at.attname || ' to ' || g.grantee, g.privileges,
       format('GRANT %s (%I) ON %I.%I TO ', g.privileges, at.attname, n.nspname, c.relname) || g.grantee,
       format('REVOKE %s (%I) ON %I.%I FROM ', g.privileges, at.attname, n.nspname, c.relname) || g.grantee
FROM pg_attribute at JOIN pg_class c ON c.oid = at.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL (SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)::text) END
                               AS grantee, string_agg(a.privilege_type, ', ' ORDER BY a.privilege_type) AS privileges
                    FROM aclexplode(at.attacl) a WHERE a.grantee <> c.relowner GROUP BY a.grantee) g
WHERE at.attacl IS NOT NULL AND at.attnum > 0 AND NOT at.attisdropped AND NOT c.relispartition AND n.nspname = ANY (?)
