package io.migrescue.backup;

import java.util.List;

/** What re-reading a backup's files found: nothing (it is intact) or one line per problem. */
public record BackupVerification(List<String> problems) {
    public BackupVerification {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }
}
