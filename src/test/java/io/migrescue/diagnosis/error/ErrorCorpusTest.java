package io.migrescue.diagnosis.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrescue.diagnosis.ErrorObjects;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.ParsedError;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden corpus: {@code errors/<wrapper>/<case>.txt} is an error as an operator would paste it, and
 * {@code <case>.expected.json} beside it holds, written and reviewed by hand, the fields that matter. Top-level
 * fields are compared only when the expected file has them (an explicit {@code null} means "must be null");
 * {@code objects} is compared whole (a missing key means that object must be null); {@code kind} is what
 * {@link ErrorCatalog#classify} must say ({@code null}: no finding). {@code note} is for the reader.
 */
class ErrorCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KNOWN = Set.of(
            "note",
            "engine",
            "wrapper",
            "sqlState",
            "vendorCode",
            "errno",
            "message",
            "detail",
            "hint",
            "statement",
            "migration",
            "version",
            "line",
            "objects",
            "kind");
    private static final Map<String, Function<ParsedError, Object>> FIELDS = new TreeMap<>(Map.ofEntries(
            Map.entry("engine", e -> e.engine() == null ? null : e.engine().id()),
            Map.entry("wrapper", ParsedError::wrapper),
            Map.entry("sqlState", ParsedError::sqlState),
            Map.entry("vendorCode", ParsedError::vendorCode),
            Map.entry("errno", ParsedError::errno),
            Map.entry("message", ParsedError::message),
            Map.entry("detail", ParsedError::detail),
            Map.entry("hint", ParsedError::hint),
            Map.entry("statement", ParsedError::statement),
            Map.entry("migration", ParsedError::migration),
            Map.entry("version", ParsedError::version),
            Map.entry("line", ParsedError::line)));

    static Path root() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(ErrorCorpusTest.class.getResource("/errors"))
                .toURI());
    }

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        Path root = root();
        try (Stream<Path> files = Files.walk(root)) {
            return files
                    .filter(p -> p.toString().endsWith(".txt"))
                    .sorted()
                    .map(p -> Arguments.of(root.relativize(p).toString(), p))
                    .collect(Collectors.toList())
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesAsReviewed(String name, Path txt) throws IOException {
        Path json = txt.resolveSibling(txt.getFileName().toString().replace(".txt", ".expected.json"));
        JsonNode expected = JSON.readTree(Files.readString(json, StandardCharsets.UTF_8));
        for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
            assertThat(KNOWN).as("unknown field in %s", json.getFileName()).contains(it.next());
        }
        ParsedError e = ErrorTextParser.parse(Files.readString(txt, StandardCharsets.UTF_8))
                .orElse(null);
        assertThat(e).as("%s is not recognised at all", name).isNotNull();

        SoftAssertions soft = new SoftAssertions();
        FIELDS.forEach((field, getter) -> {
            if (expected.has(field)) {
                soft.assertThat(getter.apply(e)).as(field).isEqualTo(value(expected.get(field)));
            }
        });
        if (expected.has("objects")) {
            JsonNode o = expected.get("objects");
            ErrorObjects want = new ErrorObjects(
                    text(o, "schema"),
                    text(o, "table"),
                    text(o, "constraint"),
                    text(o, "column"),
                    text(o, "index"),
                    text(o, "referencedTable"),
                    text(o, "value"));
            soft.assertThat(e.objects()).as("objects").isEqualTo(want);
        }
        if (expected.has("kind")) {
            FindingKind kind = ErrorCatalog.classify(e).orElse(null);
            soft.assertThat(kind == null ? null : kind.name()).as("kind").isEqualTo(value(expected.get("kind")));
        }
        soft.assertAll();
    }

    @Test
    void everyCaseHasItsReviewedExpectationAndTheCorpusCoversTheWrappers() throws IOException, URISyntaxException {
        List<String> cases = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root())) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String f = p.getFileName().toString();
                if (f.endsWith(".txt")) {
                    cases.add(root().relativize(p).toString());
                    assertThat(p.resolveSibling(f.replace(".txt", ".expected.json")))
                            .as("expectation of " + f)
                            .exists();
                } else if (f.endsWith(".expected.json")) {
                    assertThat(p.resolveSibling(f.replace(".expected.json", ".txt")))
                            .as("case of " + f)
                            .exists();
                }
            }
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(70);
        Set<String> wrappers =
                cases.stream().map(c -> c.substring(0, c.indexOf('/'))).collect(Collectors.toSet());
        assertThat(wrappers)
                .contains(
                        "mysql-cli",
                        "laravel",
                        "flyway",
                        "prisma",
                        "django",
                        "rails",
                        "alembic",
                        "psql",
                        "jdbc",
                        "golang-migrate",
                        "liquibase",
                        "knex",
                        "plain");
    }

    private static Object value(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isInt() ? (Object) node.intValue() : node.asText();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
