SELECT 'trigger' AS kind, n.nspname, c.relname || '.' || t.tgname AS name,
       pg_get_triggerdef(t.oid) AS definition, pg_get_triggerdef(t.oid) AS create_sql,
       format('DROP TRIGGER %I ON %I.%I', t.tgname, n.nspname, c.relname) AS drop_sql
FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT t.tgisinternal AND n.nspname = ANY (?)
ORDER BY t.oid
