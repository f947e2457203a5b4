package io.migrescue.app;

import io.migrescue.diff.DiffResult;
import io.migrescue.diff.TableCount;
import io.migrescue.diff.script.FixScript;
import io.migrescue.model.DatabaseInfo;
import java.util.List;

/**
 * The answer to "how do these two databases differ, and what makes the target like the source?".
 *
 * @param counts rows per table when asked for ({@link CountMode}), else empty
 */
public record DiffReport(
        DatabaseInfo source,
        DatabaseInfo target,
        List<String> sourceSchemas,
        List<String> targetSchemas,
        DiffResult result,
        CountMode countMode,
        List<TableCount> counts,
        FixScript script) {
    public boolean same() {
        return result.same();
    }

    /**
     * What the scripts say at the top about what was compared: URLs (never with a password), schemas, and which
     * object kinds were compared and which not.
     */
    public List<String> about() {
        List<String> lines = new java.util.ArrayList<>(List.of(
                "source: " + source.url() + " (" + String.join(", ", sourceSchemas) + ")",
                "target: " + target.url() + " (" + String.join(", ", targetSchemas) + ")",
                result.coverage().comparedLine()));
        if (result.coverage().notComparedLine() != null) {
            lines.add(result.coverage().notComparedLine());
        }
        return lines;
    }
}
