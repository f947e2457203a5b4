package io.migrescue.cli;

import io.migrescue.db.ConnectionTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the shell remembers between commands, so that they are not typed again: the connection {@code connect} made
 * (its password kept in memory only, never shown or written), the schemas in scope, the migrations folder, the error
 * text last pasted into {@code diagnose}, and the directory of the last repair (for {@code resume}).
 */
public final class ShellSession {
    private ConnectionTarget target;
    private String user;
    private String password;
    private List<String> schemas = List.of();
    private Path project;
    private Path migrations;
    private String errorText;
    private Path lastRepair;
    private String label;
    private List<String> tables = List.of();
    private List<String> constraints = List.of();

    public boolean connected() {
        return target != null;
    }

    /** Where the session is connected, for the prompt ({@code mariadb root@127.0.0.1:3306/app}); null when it is not. */
    public String label() {
        return label;
    }

    /** The tables of the connected database, for completion. */
    public List<String> tables() {
        return tables;
    }

    /** Constraint and index names of the connected database, for completing {@code --param constraint=}. */
    public List<String> constraints() {
        return constraints;
    }

    /** The names completion offers; names only, nothing secret. */
    public void names(List<String> tables, List<String> constraints) {
        this.tables = List.copyOf(tables);
        this.constraints = List.copyOf(constraints);
    }

    public boolean hasErrorText() {
        return errorText != null;
    }

    public Path migrations() {
        return migrations;
    }

    public Path lastRepair() {
        return lastRepair;
    }

    void connect(
            ConnectionTarget target,
            String user,
            String password,
            List<String> schemas,
            Path project,
            String label,
            List<String> tables) {
        this.target = target;
        this.user = user;
        this.password = password;
        this.schemas = List.copyOf(schemas);
        this.project = project;
        this.label = label;
        this.tables = List.copyOf(tables);
    }

    ConnectionTarget target() {
        return target;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    List<String> schemas() {
        return new ArrayList<>(schemas);
    }

    Path project() {
        return project;
    }

    void migrations(Path migrations) {
        this.migrations = migrations;
    }

    String errorText() {
        return errorText;
    }

    void errorText(String errorText) {
        this.errorText = errorText;
    }

    void lastRepair(Path dir) {
        this.lastRepair = dir;
    }
}
