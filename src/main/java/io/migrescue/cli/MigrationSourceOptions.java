package io.migrescue.cli;

import io.migrescue.app.DiagnoseUseCase;
import io.migrescue.app.PreflightUseCase;
import picocli.CommandLine.Mixin;

/**
 * Where diagnose, preflight and repair find the migrations and what the tool recorded of them: {@code --migrations},
 * {@code --tool}, {@code --history-table} and {@code --render-with-tool}, turned into the use case's request in one
 * place.
 */
final class MigrationSourceOptions {
    @Mixin
    MigrationsOption migrations;

    @Mixin
    HistoryOptions history;

    @Mixin
    RenderWithToolOption rendering;

    /** What diagnose (and the diagnosis a repair starts from) reads, with the error text given. */
    DiagnoseUseCase.Request diagnosis(ConnectionOptions connection, String errorText) {
        return new DiagnoseUseCase.Request(
                connection.schemas(),
                errorText,
                migrations.resolve(connection),
                history.tool,
                history.table,
                rendering.renderer(connection));
    }

    PreflightUseCase.Request preflight(ConnectionOptions connection) {
        return new PreflightUseCase.Request(
                connection.schemas(),
                migrations.resolve(connection),
                history.tool,
                history.table,
                rendering.renderer(connection));
    }
}
