package io.migrescue.sql;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;

/** JSqlParser behind one door: a parse that fails becomes {@link NotUnderstood} with the parser's first line. */
final class JSql {
    private static final int TIMEOUT_MILLIS = 5_000;

    private JSql() {}

    static Statement parse(String sql) throws NotUnderstood {
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(sql, parser -> parser.withTimeOut(TIMEOUT_MILLIS));
        } catch (JSQLParserException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            throw new NotUnderstood("JSqlParser cannot parse it: " + firstLine(cause.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            throw new NotUnderstood("JSqlParser failed on it: " + firstLine(e.toString()));
        }
        if (statement == null || statement instanceof UnsupportedStatement) {
            throw new NotUnderstood("JSqlParser does not support this statement");
        }
        return statement;
    }

    /** Parses and checks the kind, so a reader never works on a statement it did not expect. */
    static <T extends Statement> T parse(String sql, Class<T> kind) throws NotUnderstood {
        Statement statement = parse(sql);
        if (!kind.isInstance(statement)) {
            throw new NotUnderstood(
                    "JSqlParser read it as " + statement.getClass().getSimpleName());
        }
        return kind.cast(statement);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
