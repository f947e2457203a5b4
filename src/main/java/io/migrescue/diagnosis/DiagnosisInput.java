package io.migrescue.diagnosis;

import io.migrescue.model.Catalog;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;
import io.migrescue.sql.Effect;
import java.util.List;

/**
 * Everything the pure diagnosis needs, read beforehand by the adapters.
 *
 * @param error           the parsed error text, or null
 * @param errorKind       its finding kind from the error catalog, or null
 * @param failingEffects  effects of the failing statement (from the error text's statement or the map), may be empty
 * @param migration       the failed migration with its statement map, or null
 * @param tablesElsewhere tables outside the scope whose names the error mentions (a "missing" table in another schema)
 * @param ranking         the loaded playbooks' recommendation rules
 */
public record DiagnosisInput(
        Catalog catalog,
        String defaultSchema,
        List<MigrationHistory> history,
        ParsedError error,
        FindingKind errorKind,
        List<Effect> failingEffects,
        FailedMigration migration,
        List<TableShape> tablesElsewhere,
        PlaybookRanking ranking) {}
