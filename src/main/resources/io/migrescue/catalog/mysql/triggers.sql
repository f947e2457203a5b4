-- Triggers, in the order they fire per table and event.
SELECT TRIGGER_SCHEMA AS schema_name, TRIGGER_NAME AS name, EVENT_OBJECT_TABLE AS table_name,
       ACTION_TIMING AS timing, EVENT_MANIPULATION AS event, ACTION_STATEMENT AS body
FROM information_schema.TRIGGERS
WHERE TRIGGER_SCHEMA IN (/*schemas*/)
ORDER BY 1, 3, 5, 4, ACTION_ORDER
