-- Parameters of the routines in scope, in order (position 0, a function's result, is read from ROUTINES).
SELECT SPECIFIC_SCHEMA AS schema_name, SPECIFIC_NAME AS name, ROUTINE_TYPE AS kind, PARAMETER_MODE AS param_mode,
       PARAMETER_NAME AS parameter, DTD_IDENTIFIER AS type
FROM information_schema.PARAMETERS
WHERE SPECIFIC_SCHEMA IN (/*schemas*/) AND ORDINAL_POSITION > 0
ORDER BY 1, 2, ORDINAL_POSITION
