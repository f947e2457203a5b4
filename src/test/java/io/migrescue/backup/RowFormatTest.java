package io.migrescue.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MySQL/MariaDB data file format reads back exactly what it was given, whatever the value. */
class RowFormatTest {

    private static Object[] roundTrip(Object... values) {
        StringBuilder line = new StringBuilder();
        RowFormat.appendRow(line, values);
        String text = line.toString();
        assertThat(text).endsWith("\n");
        assertThat(text.substring(0, text.length() - 1)).doesNotContain("\n").doesNotContain("\r");
        return RowFormat.parseRow(text.substring(0, text.length() - 1), values.length);
    }

    @Test
    void nullAndEmptyStringStayApart() {
        Object[] back = roundTrip(null, "", null, "");
        assertThat(back).containsExactly(null, "", null, "");
    }

    @Test
    void textThatLooksLikeTheFormatsOwnMarkers() {
        String[] awkward = {
            "\\N",
            "\\x00ff",
            "\\",
            "\\\\",
            "\\t",
            "a\tb",
            "line\nbreak",
            "cr\rlf\r\n",
            "nul\0byte",
            "'quotes' \"double\" `tick`",
            "café 漢字 😀 \u202Ertl",
            "trailing backslash \\",
            "\t",
            "\n",
            " ",
            "N",
            "x"
        };
        Object[] back = roundTrip((Object[]) awkward);
        assertThat(back).containsExactly((Object[]) awkward);
    }

    @Test
    void everyByteValueInABinaryValue() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        Object[] back = roundTrip(all, new byte[0], "text");
        assertThat((byte[]) back[0]).isEqualTo(all);
        assertThat((byte[]) back[1]).isEmpty();
        assertThat(back[2]).isEqualTo("text");
    }

    @Test
    void serverSpellingsOfNumbersDatesAndJsonAreKeptAsText() {
        String[] values = {
            "12345678901234.123456",
            "-0.000001",
            "0000-00-00 00:00:00.000000",
            "-838:59:59.000001",
            "1.2345677614212036",
            "5e-324",
            "{\"a\": [1, 2.50, \"x\\ny\"]}",
            "2024"
        };
        assertThat(roundTrip((Object[]) values)).containsExactly((Object[]) values);
    }

    @Test
    void aSingleEmptyValueIsAnEmptyLine() {
        StringBuilder line = new StringBuilder();
        RowFormat.appendRow(line, new Object[] {""});
        assertThat(line.toString()).isEqualTo("\n");
        assertThat(RowFormat.parseRow("", 1)).containsExactly("");
    }

    @Test
    void manyRowsOfMixedValues() {
        List<Object[]> rows = new ArrayList<>();
        java.util.Random random = new java.util.Random(42);
        for (int r = 0; r < 500; r++) {
            Object[] row = new Object[4];
            for (int c = 0; c < row.length; c++) {
                int kind = random.nextInt(3);
                if (kind == 0) {
                    row[c] = null;
                } else if (kind == 1) {
                    byte[] bytes = new byte[random.nextInt(20)];
                    random.nextBytes(bytes);
                    row[c] = bytes;
                } else {
                    String[] alphabet = {"a", "b", "\\", "\t", "\n", "\r", "\0", "'", "\"", "é", "😀", "N", " ", "x"};
                    StringBuilder s = new StringBuilder();
                    for (int i = random.nextInt(20); i > 0; i--) {
                        s.append(alphabet[random.nextInt(alphabet.length)]);
                    }
                    row[c] = s.toString();
                }
            }
            rows.add(row);
        }
        StringBuilder file = new StringBuilder();
        rows.forEach(row -> RowFormat.appendRow(file, row));
        String[] lines = file.toString().split("\n", -1);
        assertThat(lines).hasSize(rows.size() + 1);
        for (int r = 0; r < rows.size(); r++) {
            Object[] back = RowFormat.parseRow(lines[r], 4);
            for (int c = 0; c < 4; c++) {
                Object expected = rows.get(r)[c];
                if (expected instanceof byte[] bytes) {
                    assertThat((byte[]) back[c]).isEqualTo(bytes);
                } else {
                    assertThat(back[c])
                            .as("row %d column %d: %s", r, c, Arrays.toString(rows.get(r)))
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void malformedLinesAreRefused() {
        assertThatThrownBy(() -> RowFormat.parseRow("a\tb", 3)).hasMessageContaining("2 values");
        assertThatThrownBy(() -> RowFormat.parseRow("a\tb\tc", 2)).hasMessageContaining("more than 2");
        assertThatThrownBy(() -> RowFormat.parseRow("\\q", 1)).hasMessageContaining("unknown escape");
        assertThatThrownBy(() -> RowFormat.parseRow("end\\", 1)).hasMessageContaining("lone backslash");
        assertThatThrownBy(() -> RowFormat.parseRow("\\x0", 1)).hasMessageContaining("odd");
        assertThatThrownBy(() -> RowFormat.parseRow("\\xzz", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
