-- User triggers of the given tables (not the internal ones behind foreign keys), with their definition and whether
-- they fire: O origin and local (the default), D disabled, R replica only, A always.
SELECT n.nspname AS schema_name, c.relname AS table_name, tg.tgname AS trigger_name,
       pg_catalog.pg_get_triggerdef(tg.oid) AS definition, tg.tgenabled AS enabled
FROM pg_catalog.pg_trigger tg
JOIN pg_catalog.pg_class c ON c.oid = tg.tgrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE NOT tg.tgisinternal
  AND (n.nspname, c.relname) IN (SELECT * FROM ROWS FROM (pg_catalog.unnest(?::text[]), pg_catalog.unnest(?::text[])))
ORDER BY 1, 2, 3
