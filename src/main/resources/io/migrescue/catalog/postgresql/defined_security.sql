-- Extensions, row-level security policies and each table's row security switches (enabled, forced).
SELECT 'extension' AS kind, n.nspname, e.extname AS name, 'version ' || e.extversion AS definition,
       format('CREATE EXTENSION %I WITH SCHEMA %I VERSION %L', e.extname, n.nspname, e.extversion) AS create_sql,
       format('DROP EXTENSION %I', e.extname) AS drop_sql,
       format('ALTER EXTENSION %I UPDATE TO %L', e.extname, e.extversion) AS replace_sql
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE n.nspname = ANY (?)
UNION ALL
SELECT 'policy', n.nspname, c.relname || '.' || p.polname, x.definition,
       format('CREATE POLICY %I ON %I.%I AS ', p.polname, n.nspname, c.relname) || x.definition,
       format('DROP POLICY %I ON %I.%I', p.polname, n.nspname, c.relname), NULL
FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL (SELECT concat_ws(' ', CASE WHEN p.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END,
       'FOR ' || CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE'
                               ELSE 'ALL' END,
       'TO ' || (SELECT string_agg(CASE WHEN r = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(r)::text) END, ', '
                                   ORDER BY 1) FROM unnest(p.polroles) r),
       'USING (' || pg_get_expr(p.polqual, p.polrelid) || ')',
       'WITH CHECK (' || pg_get_expr(p.polwithcheck, p.polrelid) || ')') AS definition) x
WHERE n.nspname = ANY (?)
UNION ALL
SELECT 'row security', n.nspname, c.relname,
       concat_ws(', ', CASE WHEN c.relrowsecurity THEN 'enabled' END, CASE WHEN c.relforcerowsecurity THEN 'forced' END),
       format('ALTER TABLE %I.%I ', n.nspname, c.relname) || concat_ws(', ',
           CASE WHEN c.relrowsecurity THEN 'ENABLE ROW LEVEL SECURITY' END,
           CASE WHEN c.relforcerowsecurity THEN 'FORCE ROW LEVEL SECURITY' END),
       format('ALTER TABLE %I.%I DISABLE ROW LEVEL SECURITY, NO FORCE ROW LEVEL SECURITY', n.nspname, c.relname), NULL
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND (c.relrowsecurity OR c.relforcerowsecurity) AND n.nspname = ANY (?)
