package io.migrescue.playbook;

import io.migrescue.diagnosis.PlaybookFit;
import io.migrescue.diagnosis.PlaybookRanking;
import io.migrescue.failure.MigrescueException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The built-in playbooks (shipped in the jar) and the operator's own ({@code --playbooks DIR}), by id. */
public final class Playbooks {
    /**
     * The order ties are listed in (diagnosis recommends the first of equally fitting playbooks): playbooks.md's
     * order. Not a registry: a playbook file not named here is still built in, listed after these by its id.
     */
    private static final List<String> TIE_ORDER = List.of(
            "replace-constraint",
            "rename-conflicting-constraint",
            "adopt-existing-object",
            "move-aside-existing-table",
            "create-missing-table",
            "complete-partial-migration",
            "revert-partial-migration",
            "mark-applied",
            "mark-rolled-back",
            "fix-orphan-rows",
            "fix-duplicate-rows",
            "fill-null-values",
            "fix-check-violations",
            "fix-unconvertible-values",
            "release-stale-lock",
            "clear-dirty-version",
            "realign-checksum",
            "unblock-lock-wait",
            "baseline-applied-migrations",
            "stamp-matching-version",
            "repoint-renamed-migration",
            "forget-missing-migration",
            "apply-out-of-order",
            "rebuild-invalid-index",
            "align-fk-column-types");

    /** Built-in ids: every file of the {@code playbooks/} folder the jar was built from, in {@link #TIE_ORDER}. */
    public static final List<String> BUILT_IN = CompiledPlaybooks.texts().keySet().stream()
            .sorted(Comparator.comparing((String id) -> tieRank(id)).thenComparing(id -> id))
            .toList();

    private final Map<String, Entry> byId;

    private Playbooks(Map<String, Entry> byId) {
        this.byId = byId;
    }

    /**
     * A playbook and its ranking rules, each read once and only when asked for: a built-in one, validated by the build,
     * is not read on every run when only its rules are needed (start-up, issue 19); the operator's own are read and
     * validated by {@link #load}.
     */
    private static final class Entry {
        private final String text;
        private final String source;
        private Playbook playbook;
        private PlaybookFit fit;

        private Entry(String text, String source, Playbook playbook) {
            this.text = text;
            this.source = source;
            this.playbook = playbook;
        }

        Playbook playbook() {
            if (playbook == null) {
                playbook = PlaybookLoader.parse(text, source);
            }
            return playbook;
        }

        PlaybookFit fit() {
            if (fit == null) {
                fit = playbook != null
                        ? new PlaybookFit(playbook.id(), playbook.recommend())
                        : PlaybookLoader.fit(text, source);
            }
            return fit;
        }
    }

    public static Playbooks load(Path userDir) {
        Map<String, Entry> map = new LinkedHashMap<>();
        for (String id : BUILT_IN) {
            map.put(id, new Entry(CompiledPlaybooks.texts().get(id), "playbooks/" + id + ".yaml", null));
        }
        if (userDir != null) {
            if (!Files.isDirectory(userDir)) {
                throw MigrescueException.usage("--playbooks " + userDir + ": no such directory");
            }
            try (Stream<Path> files = Files.list(userDir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".yaml"))
                        .sorted()
                        .toList()) {
                    Playbook p = PlaybookLoader.parse(Files.readString(f, StandardCharsets.UTF_8), f.toString());
                    map.put(p.id(), new Entry(null, f.toString(), p)); // the operator's own wins over a built-in
                }
            } catch (IOException e) {
                throw MigrescueException.usage("--playbooks " + userDir + ": cannot read it (" + e.getMessage() + ")");
            } catch (PlaybookException e) {
                throw MigrescueException.usage(e.getMessage());
            }
        }
        return new Playbooks(map);
    }

    public Optional<Playbook> get(String id) {
        return Optional.ofNullable(byId.get(id)).map(Entry::playbook);
    }

    /** Diagnosis's ranking over these playbooks' {@code recommend:} rules (built-ins first, in BUILT_IN order). */
    public PlaybookRanking ranking() {
        return new PlaybookRanking(byId.values().stream().map(Entry::fit).toList());
    }

    public List<Playbook> all() {
        return new ArrayList<>(byId.values().stream().map(Entry::playbook).toList());
    }

    private static int tieRank(String id) {
        int rank = TIE_ORDER.indexOf(id);
        return rank < 0 ? TIE_ORDER.size() : rank;
    }
}
