package io.migrescue.cli;

import io.migrescue.app.ToolRenderedSql;
import picocli.CommandLine.Option;

/** {@code --render-with-tool}, shared by diagnose, repair and preflight. */
final class RenderWithToolOption {
    @Option(
            names = "--render-with-tool",
            description = {
                "Let the migration tool render the migration's SQL itself (the failed one; for preflight each pending "
                        + "one): alembic upgrade PARENT:REV --sql, manage.py sqlmigrate APP NAME, instead of reading its code: "
                        + "the higher-fidelity source. Needs the project's python3 (or MIGRESCUE_PYTHON) with the tool and, for "
                        + "Django, its settings and database reachable."
            })
    boolean renderWithTool;

    /** The renderer, or null to read migrations as code. */
    ToolRenderedSql renderer(ConnectionOptions connection) {
        return renderWithTool ? new ToolRenderedSql(connection.environment()) : null;
    }
}
