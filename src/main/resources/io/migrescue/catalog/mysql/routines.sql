-- Stored functions and procedures: the body from ROUTINES, the parameters from PARAMETERS (routine_parameters).
SELECT ROUTINE_SCHEMA AS schema_name, ROUTINE_NAME AS name, ROUTINE_TYPE AS kind, DTD_IDENTIFIER AS returns,
       ROUTINE_DEFINITION AS body, IS_DETERMINISTIC AS is_deterministic, SQL_DATA_ACCESS AS data_access,
       SECURITY_TYPE AS security, ROUTINE_COMMENT AS comment_text
FROM information_schema.ROUTINES
WHERE ROUTINE_SCHEMA IN (/*schemas*/)
ORDER BY 1, 3, 2
