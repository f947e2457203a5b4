package io.migrescue.migration.code;

import io.migrescue.sql.MigrationFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * JavaScript/TypeScript migrations look alike on disk (Knex, Sequelize and TypeORM all write {@code <stamp>…js}): the
 * code tells them apart. TypeORM's migrations take a {@code queryRunner} (or implement {@code MigrationInterface});
 * Sequelize's take {@code queryInterface, Sequelize}; Knex's take {@code knex}.
 */
public final class JsMigrations {
    public static final String[] EXTENSIONS = {".js", ".cjs", ".mjs", ".ts", ".cts", ".mts"};

    private JsMigrations() {}

    /** {@code typeorm}, {@code sequelize}, {@code knex}, or null when the file is none of them. */
    public static String toolOf(String source) {
        if (source.contains("queryRunner") || source.contains("MigrationInterface") || source.contains("QueryRunner")) {
            return "typeorm";
        }
        if (source.contains("queryInterface")
                || source.contains("QueryInterface")
                || source.contains("Sequelize")
                || source.contains("DataTypes")) {
            return "sequelize";
        }
        if (source.contains("knex") || source.contains("Knex")) {
            return "knex";
        }
        return null;
    }

    /**
     * The migrations of {@code tool} in {@code dir}, each made by {@code describe} from its path and source (null
     * leaves a file out); empty when no file there is this tool's.
     */
    public static List<MigrationFile> list(Path dir, String tool, BiFunction<Path, String, MigrationFile> describe)
            throws IOException {
        List<MigrationFile> files = new ArrayList<>();
        for (Path p : Code.files(dir, EXTENSIONS)) {
            String source = Files.readString(p, StandardCharsets.UTF_8);
            if (tool.equals(toolOf(source)) && source.toLowerCase(Locale.ROOT).contains("up")) {
                MigrationFile f = describe.apply(p, source);
                if (f != null) {
                    files.add(f);
                }
            }
        }
        return files;
    }

    /** The migrations of a tool that records them by file name (Knex, Sequelize), in file-name order. */
    public static List<MigrationFile> byFileName(Path dir, String tool) throws IOException {
        return list(dir, tool, (path, source) -> {
            String name = path.getFileName().toString();
            return new MigrationFile(name, name, path, tool);
        });
    }

    /** The {@code up} function of a migration; when it has none, {@code out} gets a statement saying so. */
    public static java.util.Optional<Node.Func> up(MigrationFile file, Rendered out) throws IOException {
        java.util.Optional<Node.Func> up =
                Code.function(Parser.parse(read(file.path()), Lexer.Language.JAVASCRIPT), "up");
        if (up.isEmpty()) {
            out.notUnderstood("(no up function in " + file.path().getFileName() + ")", 1);
        }
        return up;
    }

    /** What {@code up} calls its first parameter (the query interface, the runner, knex), or the name the tool's templates use. */
    public static String firstParam(Node.Func up, String usual) {
        return up.params().isEmpty() ? usual : up.params().get(0);
    }

    public static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
