package io.migrescue.playbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a playbook's YAML into a {@link PlaybookNode}: the operator's own playbooks at run time, the built-in ones at
 * build time ({@link CompiledPlaybooks}). The only class of the loader that needs Jackson.
 */
final class PlaybookYaml {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private PlaybookYaml() {}

    /** @return the document's root, {@link PlaybookNode#MISSING} when it is empty */
    static PlaybookNode read(String yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new PlaybookException(source + ": not valid YAML: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        return root == null ? PlaybookNode.MISSING : node(root);
    }

    private static PlaybookNode node(JsonNode n) {
        if (n.isObject()) {
            Map<String, PlaybookNode> fields = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> fields.put(e.getKey(), node(e.getValue())));
            return PlaybookNode.mapping(fields);
        }
        if (n.isArray()) {
            List<PlaybookNode> items = new ArrayList<>();
            n.forEach(x -> items.add(node(x)));
            return PlaybookNode.list(items);
        }
        if (n.isTextual()) {
            return PlaybookNode.text(n.asText());
        }
        if (n.isBoolean()) {
            return PlaybookNode.bool(n.asBoolean());
        }
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            return PlaybookNode.integer(n.asLong());
        }
        if (n.isNumber()) {
            return PlaybookNode.decimal(n.asDouble());
        }
        if (n.isNull() || n.isMissingNode()) {
            return n.isNull() ? PlaybookNode.NULL : PlaybookNode.MISSING;
        }
        // binary and embedded objects do not come out of YAML text; read as their text
        return PlaybookNode.text(n.asText());
    }
}
