package io.migrescue.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in playbooks as the build stored them load exactly as their YAML does, and without Jackson. */
class CompiledPlaybooksTest {
    private static final ObjectMapper JACKSON = new ObjectMapper(new YAMLFactory());

    @Test
    void everyBuiltInPlaybookIsStoredAsItsYamlReads() throws IOException {
        List<Path> files = builtInFiles();
        assertThat(files).hasSize(Playbooks.BUILT_IN.size());
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            PlaybookNode stored = CompiledPlaybooks.tree(text);
            assertThat(stored).as(f.toString()).isNotNull().isEqualTo(PlaybookYaml.read(text, f.toString()));
            assertThat(PlaybookLoader.parse(stored, "stored"))
                    .isEqualTo(PlaybookLoader.parse(PlaybookYaml.read(text, f.toString()), "stored"));
        }
    }

    /** A new playbook made of existing steps is one new file: the build lists the folder, no Java names it. */
    @Test
    void aNewPlaybookFileIsBuiltInWithoutAnyOtherChange(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("playbooks"));
        for (Path f : builtInFiles()) {
            Files.copy(f, dir.resolve(f.getFileName()));
        }
        String marked = Files.readString(Path.of("playbooks/mark-applied.yaml"), StandardCharsets.UTF_8)
                .replace("id: mark-applied", "id: record-as-applied");
        Files.writeString(dir.resolve("record-as-applied.yaml"), marked, StandardCharsets.UTF_8);
        Path bin = tmp.resolve("compiled.bin");

        CompiledPlaybooks.main(new String[] {dir.toString(), bin.toString()});

        Map<String, String> byId = new LinkedHashMap<>();
        Map<String, PlaybookNode> byText = new HashMap<>();
        try (InputStream in = Files.newInputStream(bin)) {
            CompiledPlaybooks.read(in, byId, byText);
        }
        assertThat(byId.keySet()).containsAll(Playbooks.BUILT_IN).contains("record-as-applied");
        assertThat(PlaybookLoader.parse(byId.get("record-as-applied"), "new").id())
                .isEqualTo("record-as-applied");
        assertThat(byText).containsKey(marked);
    }

    /** The parameter checks search a step's arguments as JSON text: the same text Jackson's tree printed. */
    @Test
    void stepsPrintAsJacksonPrintsThem() throws IOException {
        for (Path f : builtInFiles()) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            JsonNode jackson = JACKSON.readTree(text);
            PlaybookNode ours = PlaybookYaml.read(text, f.toString());
            assertThat(ours.toString()).as(f.toString()).isEqualTo(jackson.toString());
        }
        String odd = "a: \"quote \\\" back \\\\ tab \\t nl \\n bell \\u0007 é\"\nb: [1, 2.5, true, ~, {c: d}]\n";
        assertThat(PlaybookYaml.read(odd, "odd").toString())
                .isEqualTo(JACKSON.readTree(odd).toString());
    }

    /** The readings the loader uses give what Jackson's gave, for each kind of scalar a playbook may hold. */
    @Test
    void scalarsReadAsJacksonReadThem() throws IOException {
        for (String scalar :
                List.of("true", "false", "1", "0", "-7", "2.5", "'3'", "' 4 '", "x", "'true'", "''", "~")) {
            String yaml = "v: " + scalar + "\n";
            JsonNode j = JACKSON.readTree(yaml).path("v");
            PlaybookNode n = PlaybookYaml.read(yaml, "scalar").path("v");
            assertThat(n.asText()).as(scalar).isEqualTo(j.asText());
            assertThat(n.asText("absent")).as(scalar).isEqualTo(j.asText("absent"));
            assertThat(n.isTextual()).as(scalar).isEqualTo(j.isTextual());
            assertThat(n.asInt(-1)).as(scalar).isEqualTo(j.asInt(-1));
            assertThat(n.asBoolean(true)).as(scalar).isEqualTo(j.asBoolean(true));
            assertThat(n.asBoolean(false)).as(scalar).isEqualTo(j.asBoolean(false));
        }
        assertThat(PlaybookNode.MISSING.asText("absent")).isEqualTo("absent");
        assertThat(PlaybookNode.MISSING.asInt(5)).isEqualTo(5);
    }

    @Test
    void theStoredFormReadsBackWhatWasWritten() throws IOException {
        String yaml = "m: {s: text, t: true, f: false, i: 42, d: 1.25, n: ~, l: [a, [b], {c: 1}]}\ne: []\n";
        PlaybookNode tree = PlaybookYaml.read(yaml, "all kinds");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            CompiledPlaybooks.write(tree, out);
        }
        PlaybookNode back = CompiledPlaybooks.node(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(back).isEqualTo(tree);
        assertThat(back.toString()).isEqualTo(tree.toString());
    }

    /** The operator's own playbooks are still read from YAML: a text the build did not store is not in the store. */
    @Test
    void otherTextIsNotStored() {
        assertThat(CompiledPlaybooks.tree("id: mine\n")).isNull();
    }

    private static List<Path> builtInFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("playbooks"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
