-- What each view, materialized view, policy, trigger, routine, domain and composite type depends on (pg_depend), named as DefinedObject.key()
-- names it, or 'column s.t.c', 'table s.t': what orders drops and creates, and what is dropped and recreated around a
-- change of something it depends on.
WITH dep AS (
    SELECT CASE d.classid
               WHEN 'pg_rewrite'::regclass THEN (SELECT CASE c.relkind WHEN 'm' THEN 'materialized view ' ELSE 'view ' END
                                                            || n.nspname || '.' || c.relname
                                                 FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class
                                                 JOIN pg_namespace n ON n.oid = c.relnamespace
                                                 WHERE r.oid = d.objid AND c.relkind IN ('v', 'm') AND n.nspname = ANY (?))
               WHEN 'pg_policy'::regclass THEN (SELECT 'policy ' || n.nspname || '.' || c.relname || '.' || p.polname
                                                FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
                                                JOIN pg_namespace n ON n.oid = c.relnamespace
                                                WHERE p.oid = d.objid AND n.nspname = ANY (?))
               WHEN 'pg_trigger'::regclass THEN (SELECT 'trigger ' || n.nspname || '.' || c.relname || '.' || t.tgname
                                                 FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                                                 JOIN pg_namespace n ON n.oid = c.relnamespace
                                                 WHERE t.oid = d.objid AND NOT t.tgisinternal AND n.nspname = ANY (?))
               WHEN 'pg_proc'::regclass THEN (SELECT CASE p.prokind WHEN 'p' THEN 'procedure ' ELSE 'function ' END
                                                         || n.nspname || '.' || p.proname
                                                         || '(' || pg_get_function_identity_arguments(p.oid) || ')'
                                              FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                                              WHERE p.oid = d.objid AND n.nspname = ANY (?))
               -- a domain over another domain or a composite type, a composite type with such an attribute
               WHEN 'pg_type'::regclass THEN (SELECT 'domain ' || n.nspname || '.' || t.typname
                                              FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                                              WHERE t.oid = d.objid AND t.typtype = 'd' AND n.nspname = ANY (?))
               WHEN 'pg_class'::regclass THEN (SELECT 'composite type ' || n.nspname || '.' || c.relname
                                               FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                               WHERE c.oid = d.objid AND c.relkind = 'c' AND n.nspname = ANY (?))
           END AS dependent,
           CASE d.refclassid
               WHEN 'pg_class'::regclass THEN (SELECT CASE WHEN c.relkind IN ('r', 'p') AND d.refobjsubid > 0
                                                               THEN 'column ' || n.nspname || '.' || c.relname || '.'
                                                                    || (SELECT a.attname FROM pg_attribute a
                                                                        WHERE a.attrelid = c.oid AND a.attnum = d.refobjsubid)
                                                           WHEN c.relkind IN ('r', 'p') THEN 'table ' || n.nspname || '.' || c.relname
                                                           WHEN c.relkind = 'v' THEN 'view ' || n.nspname || '.' || c.relname
                                                           WHEN c.relkind = 'm' THEN 'materialized view ' || n.nspname || '.' || c.relname
                                                      END
                                               FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                               WHERE c.oid = d.refobjid)
               WHEN 'pg_type'::regclass THEN (SELECT CASE t.typtype WHEN 'd' THEN 'domain ' ELSE 'composite type ' END
                                                         || n.nspname || '.' || t.typname
                                              FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                                              -- an array of one needs its element type
                                              WHERE t.oid = COALESCE((SELECT NULLIF(e.typelem, 0) FROM pg_type e
                                                                      WHERE e.oid = d.refobjid AND e.typcategory = 'A'),
                                                                     d.refobjid)
                                                AND t.typtype IN ('d', 'c'))
               WHEN 'pg_proc'::regclass THEN (SELECT CASE p.prokind WHEN 'p' THEN 'procedure ' ELSE 'function ' END
                                                         || n.nspname || '.' || p.proname
                                                         || '(' || pg_get_function_identity_arguments(p.oid) || ')'
                                              FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                                              WHERE p.oid = d.refobjid)
           END AS needed
    FROM pg_depend d
    WHERE (d.classid IN ('pg_rewrite'::regclass, 'pg_policy'::regclass, 'pg_trigger'::regclass, 'pg_proc'::regclass,
                         'pg_type'::regclass)
           OR d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_type'::regclass)
      AND d.deptype = 'n'
)
SELECT DISTINCT dependent, needed FROM dep WHERE dependent IS NOT NULL AND needed IS NOT NULL AND dependent <> needed
