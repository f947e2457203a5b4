-- Sequence names in scope (MariaDB 10.3+ keeps a sequence as a one-row table of type SEQUENCE). Their options are
-- read in one UNION ALL over those tables, built in Java: 10.11 has no information_schema view for them.
SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS sequence_name
FROM information_schema.TABLES
WHERE TABLE_TYPE = 'SEQUENCE'
  AND TABLE_SCHEMA IN (/*schemas*/)
ORDER BY 1, 2
