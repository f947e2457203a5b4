-- Engine SQL of PostgreSQL, one statement per key (io.migrescue.model.EngineSql); values are bound parameters.

-- SESSION_LOCK_LIMITS
SET lock_timeout = '3s'

-- LOCK_PROBE_TIMEOUT
SET LOCAL lock_timeout = '1s'

-- RELEASE_TABLE_LOCKS
ROLLBACK

-- END_SESSION
SELECT pg_terminate_backend(CAST(? AS integer))

-- SESSION_ALIVE
SELECT COUNT(*) FROM pg_catalog.pg_stat_activity WHERE pid = ?

-- REPAIR_LOCK_TAKE
SELECT pg_try_advisory_lock(hashtext('migrescue:' || current_database()))

-- REPAIR_LOCK_RELEASE
SELECT pg_advisory_unlock(hashtext('migrescue:' || current_database()))

-- LOCK_HOLDERS
SELECT a.pid, a.usename, host(a.client_addr), a.application_name, a.state,
       EXTRACT(EPOCH FROM (now() - coalesce(a.xact_start, a.query_start)))::bigint AS seconds,
       string_agg(DISTINCT l.mode, ',') AS modes, left(a.query, 120) AS query
FROM pg_catalog.pg_stat_activity a
LEFT JOIN pg_catalog.pg_locks l ON l.pid = a.pid AND l.relation = to_regclass(?) AND l.granted
WHERE a.pid <> pg_backend_pid() AND a.datname = current_database() AND l.pid IS NOT NULL
GROUP BY a.pid, a.usename, a.application_name, a.state, a.xact_start, a.query_start, a.query, a.client_addr
ORDER BY seconds DESC LIMIT 10

-- LOCK_HOLDERS_AND_LONG_TRANSACTIONS
SELECT a.pid, a.usename, host(a.client_addr), a.application_name, a.state,
       EXTRACT(EPOCH FROM (now() - coalesce(a.xact_start, a.query_start)))::bigint AS seconds,
       string_agg(DISTINCT l.mode, ',') AS modes, left(a.query, 120) AS query
FROM pg_catalog.pg_stat_activity a
LEFT JOIN pg_catalog.pg_locks l ON l.pid = a.pid AND l.relation = to_regclass(?)
WHERE a.pid <> pg_backend_pid() AND a.datname = current_database()
  AND (l.pid IS NOT NULL OR (a.xact_start IS NOT NULL AND now() - a.xact_start > interval '1 minute'))
GROUP BY a.pid, a.usename, a.application_name, a.state, a.xact_start, a.query_start, a.query, a.client_addr
ORDER BY seconds DESC LIMIT 10

-- HISTORY_LOCK_YOUNG
LOCKGRANTED > LOCALTIMESTAMP - make_interval(mins => ?)

-- SESSION_FROM_ADDRESS
EXISTS (SELECT 1 FROM pg_catalog.pg_stat_activity WHERE client_addr = CAST(? AS inet) AND pid <> pg_backend_pid())

-- MIGRATION_LOCK_TIMEOUT
SET lock_timeout = '5s'
