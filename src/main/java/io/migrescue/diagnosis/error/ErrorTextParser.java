package io.migrescue.diagnosis.error;

import io.migrescue.diagnosis.ErrorObjects;
import io.migrescue.diagnosis.ParsedError;
import io.migrescue.model.Engine;
import java.util.List;
import java.util.Optional;

/**
 * Reads the error out of whatever the operator pasted: a whole log, a framework's exception, a bare server message.
 * <p>
 * Wrappers that carry more (Flyway's block, Prisma's P3018, golang-migrate's line and statement) are tried before the
 * shapes they embed (a PgJDBC exception, a mysql client line, a bare {@code ERROR:}), so the first reader that finds
 * its shape wins. Within that wrapper the first real error wins: a 25P02 ("current transaction is aborted") only
 * says that an earlier statement failed. Then the server message is read for objects ({@link ServerMessages}) and the
 * engine is decided ({@link EngineRules}).
 */
public final class ErrorTextParser {
    private static final List<WrapperReader> READERS = List.of(
            new FlywayReader(),
            new LiquibaseReader(),
            new PrismaReader(),
            new GolangMigrateReader(),
            new KnexReader(),
            new NodePgMigrateReader(),
            new TypeOrmReader(),
            new SequelizeReader(),
            new SupabaseReader(),
            new RailsReader(),
            new AlembicReader(),
            new DjangoReader(),
            new LaravelReader(),
            new PsqlReader(),
            new JdbcReader(),
            new NodeDriverReader(),
            new MySqlCliReader(),
            new PlainReader());

    private ErrorTextParser() {}

    /** The first real error in {@code text}, or empty when it holds none that migrescue recognises. */
    public static Optional<ParsedError> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String input = Text.normalise(ErrorTextLimits.bound(text).text());
        for (WrapperReader reader : READERS) {
            List<ErrorDraft> found = reader.read(input);
            if (!found.isEmpty()) {
                return Optional.of(finish(firstReal(found), input));
            }
        }
        return Optional.empty();
    }

    private static ErrorDraft firstReal(List<ErrorDraft> found) {
        return found.stream().filter(d -> !d.secondary()).findFirst().orElse(found.get(0));
    }

    private static ParsedError finish(ErrorDraft d, String input) {
        ServerMessages.Match match = ServerMessages.match(d.message, d.detail, d.statement, d.wrapper)
                .orElse(null);
        if (match != null && d.errno == null) {
            d.errno = match.errno();
        }
        Engine engine = EngineRules.decide(d, match, input);
        ErrorObjects objects = match != null ? match.objects() : ErrorObjects.NONE;
        return d.build(engine, objects, input);
    }
}
