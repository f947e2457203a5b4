-- Engine SQL of MySQL (and of MariaDB where mariadb.sql has no text of its own), one statement per key
-- (io.migrescue.model.EngineSql); values are bound parameters.

-- SESSION_LOCK_LIMITS
SET SESSION lock_wait_timeout = 5, SESSION innodb_lock_wait_timeout = 5

-- LOCK_PROBE_TIMEOUT
SET SESSION lock_wait_timeout = 1

-- RELEASE_TABLE_LOCKS
UNLOCK TABLES

-- END_SESSION
KILL ?

-- SESSION_ALIVE
SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ?

-- REPAIR_LOCK_TAKE
-- waits 3 s: the server may take a moment to end the session of a repair killed just before (resume)
SELECT GET_LOCK(CONCAT('migrescue:', DATABASE()), 3)

-- REPAIR_LOCK_RELEASE
SELECT RELEASE_LOCK(CONCAT('migrescue:', DATABASE()))

-- LOCK_HOLDERS
-- MySQL does not say who holds a metadata lock without the performance schema: the sessions with a transaction open
SELECT p.ID, p.USER, p.HOST, NULL, p.COMMAND, p.TIME, p.STATE, LEFT(p.INFO, 120)
FROM information_schema.PROCESSLIST p
WHERE p.ID <> CONNECTION_ID() AND p.DB = DATABASE() AND (p.TIME > 60 OR p.STATE LIKE 'Waiting for%lock%'
  OR p.ID IN (SELECT t.trx_mysql_thread_id FROM information_schema.INNODB_TRX t))
ORDER BY p.TIME DESC LIMIT 10

-- LOCK_HOLDERS_AND_LONG_TRANSACTIONS
SELECT p.ID, p.USER, p.HOST, NULL, p.COMMAND, p.TIME, p.STATE, LEFT(p.INFO, 120)
FROM information_schema.PROCESSLIST p
WHERE p.ID <> CONNECTION_ID() AND p.DB = DATABASE() AND (p.TIME > 60 OR p.STATE LIKE 'Waiting for%lock%'
  OR p.ID IN (SELECT t.trx_mysql_thread_id FROM information_schema.INNODB_TRX t))
ORDER BY p.TIME DESC LIMIT 10

-- HISTORY_LOCK_YOUNG
LOCKGRANTED > NOW() - INTERVAL ? MINUTE

-- SESSION_FROM_ADDRESS
-- MySQL shows a loopback client as 'localhost' unless name resolution is off: the second value is 'localhost' then
EXISTS (SELECT 1 FROM information_schema.PROCESSLIST WHERE SUBSTRING_INDEX(HOST, ':', 1) IN (?, ?) AND ID <> CONNECTION_ID())

-- MIGRATION_LOCK_TIMEOUT
SET SESSION lock_wait_timeout = 5
