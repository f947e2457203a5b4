INSERT INTO myschema.schema_migrations VALUES (14, false);
