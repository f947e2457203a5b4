package io.migrescue.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

/**
 * Redaction over generated input. A message is built from pieces whose redacted form is known: the secret in a secret
 * position (it must become the mask), the secret as an ordinary word of the message (it stays, unless the secret is
 * distinctive), and other words (they stay). So "the secret never survives where it is a password" and "nothing else
 * changes" are checked at once, with the secrets that garbled messages before: short, equal to the user, common words.
 */
class RedactionPropertiesTest {
    private static final String USER = "app";
    /** A secret in a secret position: %s is the secret. */
    private static final List<String> POSITIONS = List.of(
            "password=%s",
            "PGPASSWORD=%s",
            "MYSQL_PWD='%s'",
            "\"password\":\"%s\"",
            "password: %s",
            "postgresql://app:%s@db.internal:5432/app",
            "mysql://:%s@db/app",
            "--password=%s",
            "--password %s",
            "-p%s",
            "IDENTIFIED BY '%s'",
            "CREATE ROLE app PASSWORD '%s'",
            "spring.datasource.password = \"%s\"");
    /** The secret as a word of a driver's message: %s is the secret. */
    private static final List<String> ORDINARY = List.of(
            "Access denied for user '%s'@'localhost' (using password: YES)",
            "password authentication failed for user \"%s\"",
            "database \"%s\" does not exist",
            "as %s",
            "(%s)",
            "%s.",
            "table `%s` exists");

    private static final List<String> WORDS = List.of(
            "login",
            "refused",
            "for",
            "user",
            "root",
            "o",
            "wrong",
            "the",
            "ERROR",
            "1045",
            "28000",
            "at",
            "line",
            "1:",
            "Duplicate",
            "entry",
            "key",
            "'PRIMARY'",
            "\"posts\"",
            "relation",
            "already",
            "exists",
            "(conn=42)",
            "-",
            "a",
            "b");

    @Property(tries = 200)
    void aUrlPasswordNeverSurvives(@ForAll @AlphaChars @StringLength(min = 12, max = 30) String password) {
        String shown = Redaction.url("postgresql://app:" + password + "@db.internal:5432/app");
        assertThat(shown)
                .doesNotContain(password)
                .contains("app@db.internal:5432/app".replace("app@", "app:" + Redaction.MASK + "@"));
    }

    @Property(tries = 2000)
    void theSecretIsMaskedInSecretPositionsAndNothingElseChanges(
            @ForAll("secrets") String secret, @ForAll("messages") List<Piece> pieces) {
        boolean distinctive = Redaction.distinctive(secret, Set.of(USER));
        StringBuilder message = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (Piece piece : pieces) {
            String sep = message.isEmpty() ? "" : " ";
            switch (piece.kind) {
                case POSITION -> {
                    message.append(sep).append(piece.template.formatted(secret));
                    expected.append(sep).append(piece.template.formatted(Redaction.MASK));
                }
                case ORDINARY -> {
                    message.append(sep).append(piece.template.formatted(secret));
                    expected.append(sep).append(piece.template.formatted(distinctive ? Redaction.MASK : secret));
                }
                case WORD -> {
                    message.append(sep).append(piece.template);
                    expected.append(sep)
                            .append(distinctive && piece.template.equals(secret) ? Redaction.MASK : piece.template);
                }
            }
        }
        String scrubbed = Redaction.scrub(message.toString(), List.of(secret), Set.of(USER));
        assertThat(scrubbed).as("secret %s in %s", secret, message).isEqualTo(expected.toString());
    }

    @Property(tries = 300)
    void aPasswordEqualToTheUserNeverHidesTheUser(@ForAll("secrets") String secret) {
        String message = "login refused for user '" + secret + "': wrong user or password";
        assertThat(Redaction.scrub(message, List.of(secret), Set.of(secret.toLowerCase(java.util.Locale.ROOT))))
                .isEqualTo(message);
        assertThat(Redaction.scrub(
                        "jdbc:mysql://db/app?user=" + secret + "&password=" + secret,
                        List.of(secret),
                        Set.of(secret.toLowerCase(java.util.Locale.ROOT))))
                .isEqualTo("jdbc:mysql://db/app?user=" + secret + "&password=" + Redaction.MASK);
    }

    enum Kind {
        POSITION,
        ORDINARY,
        WORD
    }

    record Piece(Kind kind, String template) {}

    /** Short, common and long secrets; they begin and end with a letter or digit, as a token does. */
    @Provide
    Arbitrary<String> secrets() {
        Arbitrary<String> random = Combinators.combine(
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .withCharRange('A', 'Z')
                                .withCharRange('0', '9')
                                .ofLength(1),
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .withCharRange('A', 'Z')
                                .withCharRange('0', '9')
                                .withChars("-_.!#%")
                                .ofMaxLength(22),
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .withCharRange('0', '9')
                                .ofLength(1))
                .as((a, b, c) -> b.isEmpty() ? a : a + b + c)
                .filter(s ->
                        !s.equals("YES")); // "(using password: YES)" is a secret position: there "YES" would be masked
        return Arbitraries.oneOf(
                random,
                Arbitraries.of(
                        "root",
                        "o",
                        "wrong",
                        "a",
                        "1",
                        "password",
                        "postgres",
                        "secret",
                        "user",
                        "app",
                        "PRIMARY",
                        "ERROR",
                        "localhost",
                        "YES".toLowerCase(java.util.Locale.ROOT),
                        "correct-horse-battery-staple"));
    }

    @Provide
    Arbitrary<List<Piece>> messages() {
        Arbitrary<Piece> piece = Arbitraries.oneOf(
                Arbitraries.of(POSITIONS).map(t -> new Piece(Kind.POSITION, t)),
                Arbitraries.of(ORDINARY).map(t -> new Piece(Kind.ORDINARY, t)),
                Arbitraries.of(WORDS).map(w -> new Piece(Kind.WORD, w)));
        return piece.list().ofMinSize(1).ofMaxSize(12);
    }
}
