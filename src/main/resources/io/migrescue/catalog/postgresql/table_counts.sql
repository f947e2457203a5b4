-- Tables per schema in scope (status reads this instead of the whole catalog).
SELECT n.nspname AS schema_name, count(c.oid) AS tables
FROM pg_catalog.pg_namespace n
LEFT JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relkind IN ('r', 'p')
WHERE n.nspname = ANY (?)
GROUP BY n.nspname
ORDER BY 1
