package io.migrescue.history;

import io.migrescue.sql.MigrationFile;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code revision} and {@code down_revision} of an Alembic script, as {@code alembic revision} writes them:
 * {@code revision: str = "ae1027a6acf"}, {@code down_revision: Union[str, None] = "1975ea83b712"}, {@code None} for
 * the first revision and a tuple for a merge.
 *
 * @param parents the down revisions; empty for a base revision
 */
record AlembicRevision(String revision, List<String> parents) {
    private static final Pattern REVISION = Pattern.compile("(?m)^revision\\s*(?::[^=\\n]*)?=\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern DOWN = Pattern.compile("(?m)^down_revision\\s*(?::[^=\\n]*)?=\\s*([^\\n#]+)");
    private static final Pattern QUOTED = Pattern.compile("['\"]([^'\"]+)['\"]");

    static AlembicRevision of(MigrationFile file) {
        String source = MigrationNames.read(file.path());
        Matcher revision = REVISION.matcher(source);
        Matcher down = DOWN.matcher(source);
        if (!revision.find() || !down.find()) {
            throw new IllegalArgumentException(file.path() + " is not an Alembic revision script (no revision and"
                    + " down_revision at the top level)");
        }
        List<String> parents = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(down.group(1));
        while (quoted.find()) {
            parents.add(quoted.group(1));
        }
        return new AlembicRevision(revision.group(1), parents);
    }
}
