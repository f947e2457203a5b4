package io.migrescue.diagnosis;

import java.util.List;

/** What diagnosis needs of a loaded playbook: its id and when it is recommended (its YAML's {@code recommend:}). */
public record PlaybookFit(String id, List<Recommendation> recommend) {
    public PlaybookFit {
        recommend = List.copyOf(recommend);
    }
}
