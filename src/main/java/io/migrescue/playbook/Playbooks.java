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

    private final Map<String, Playbook> byId;

    private Playbooks(Map<String, Playbook> byId) {
        this.byId = byId;
    }

    public static Playbooks load(Path userDir) {
        Map<String, Playbook> map = new LinkedHashMap<>();
        for (String id : BUILT_IN) {
            map.put(id, PlaybookLoader.parse(CompiledPlaybooks.texts().get(id), "playbooks/" + id + ".yaml"));
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
                    map.put(p.id(), p); // the operator's own wins over a built-in of the same id
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
        return Optional.ofNullable(byId.get(id));
    }

    /** Diagnosis's ranking over these playbooks' {@code recommend:} rules (built-ins first, in BUILT_IN order). */
    public PlaybookRanking ranking() {
        return new PlaybookRanking(byId.values().stream()
                .map(p -> new PlaybookFit(p.id(), p.recommend()))
                .toList());
    }

    public List<Playbook> all() {
        return new ArrayList<>(byId.values());
    }

    private static int tieRank(String id) {
        int rank = TIE_ORDER.indexOf(id);
        return rank < 0 ? TIE_ORDER.size() : rank;
    }
}
