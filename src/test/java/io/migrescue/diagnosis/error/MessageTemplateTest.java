package io.migrescue.diagnosis.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessageTemplateTest {
    @Test
    void groupNamesAreReadWithoutCompilingAndAgreeWithThePattern() {
        String regex =
                "Cannot drop column '(?<column>[^']*)': needed in a foreign key constraint '(?<constraint>[^']*)'"
                        + "(?: of table '(?<qname>[^']*)')?(?<=x)?(?<!y)?\\(?<notagroup>";
        assertThat(MessageTemplate.groupNames(regex)).isEqualTo(Set.of("column", "constraint", "qname"));
        // each is a group the compiled pattern knows (an unknown name throws)
        String compiled = "Cannot drop column '(?<column>[^']*)': needed in a foreign key constraint "
                + "'(?<constraint>[^']*)'(?: of table '(?<qname>[^']*)')?";
        java.util.regex.Matcher m = Pattern.compile(compiled)
                .matcher("Cannot drop column 'a': needed in a foreign key constraint 'fk' of table 't'");
        assertThat(m.matches()).isTrue();
        assertThat(MessageTemplate.groupNames(compiled).stream().map(m::group))
                .containsExactlyInAnyOrder("a", "fk", "t");
    }

    @Test
    void aTemplateMatchesOnlyTextHoldingItsLiteralAndCompilesOnce() {
        MessageTemplate t = MessageTemplate.my("1050", null, "Table '(?<qname>[^']*)' already exists");
        assertThat(t.mayMatch("Table 'shop.users' already exists")).isTrue();
        assertThat(t.mayMatch("Unknown table 'shop.users'")).isFalse();
        assertThat(t.has("qname")).isTrue();
        assertThat(t.has("column")).isFalse();
        Pattern first = t.pattern();
        assertThat(t.pattern()).isSameAs(first);
        assertThat(first.matcher("Table 'shop.users' already exists").lookingAt())
                .isTrue();
    }

    @Test
    void noLiteralIsRequiredWhenTheTopLevelHasAlternatives() {
        assertThat(MessageTemplate.requiredLiteral("deadlock detected|lock timeout"))
                .isNull();
        assertThat(MessageTemplate.requiredLiteral("Duplicate column name '(?<column>[^']*)'"))
                .isEqualTo("Duplicate column name '");
    }
}
