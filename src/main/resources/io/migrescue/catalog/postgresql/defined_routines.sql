SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END AS kind, n.nspname,
       p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS name,
       pg_get_functiondef(p.oid) AS definition, rtrim(pg_get_functiondef(p.oid), E'\n') AS create_sql,
       CASE p.prokind WHEN 'p' THEN 'DROP PROCEDURE ' ELSE 'DROP FUNCTION ' END
           || format('%I.%I', n.nspname, p.proname)
           || '(' || pg_get_function_identity_arguments(p.oid) || ')'
           AS drop_sql
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE p.prokind IN ('f', 'p') AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                  AND d.deptype = 'e')
ORDER BY p.oid
