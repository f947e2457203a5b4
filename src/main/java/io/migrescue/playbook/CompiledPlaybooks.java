package io.migrescue.playbook;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The built-in playbooks as the build read them: {@code playbooks/*.yaml} stays the one place a playbook is written,
 * and the build ({@link #main}, from pom.xml) stores each file's text with its parsed tree in {@value #RESOURCE}, so
 * that loading them at run time needs neither Jackson nor SnakeYAML (about 540 classes on every {@code diagnose},
 * {@code explain} and {@code repair}: start-up, issue 19). A tree is used only for the exact text it was read from;
 * any other text (the operator's own playbooks, a jar without the file) is read from YAML.
 */
public final class CompiledPlaybooks {
    static final String RESOURCE = "/playbooks/compiled-playbooks.bin";
    private static final int FORMAT = 2;

    private CompiledPlaybooks() {}

    /** The tree the build read from exactly this text, or null. */
    static PlaybookNode tree(String yaml) {
        return Stored.BY_TEXT.get(yaml);
    }

    /**
     * The text of every file of the build's {@code playbooks/} folder, by id (its name without {@code .yaml}), in
     * file-name order: the folder is the one list of built-in playbooks, so a new one is one new file.
     */
    static Map<String, String> texts() {
        return Stored.BY_ID;
    }

    /** Loaded once, on the first built-in playbook. */
    private static final class Stored {
        static final Map<String, String> BY_ID = new LinkedHashMap<>();
        static final Map<String, PlaybookNode> BY_TEXT = new HashMap<>();

        static {
            try (InputStream raw = CompiledPlaybooks.class.getResourceAsStream(RESOURCE)) {
                if (raw == null) {
                    throw new IllegalStateException("the built-in playbooks are missing from the jar: " + RESOURCE);
                }
                read(raw, BY_ID, BY_TEXT);
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + RESOURCE, e);
            }
        }
    }

    /** Reads what {@link #main} wrote: each playbook's text by id, and its tree by text. */
    static void read(InputStream raw, Map<String, String> byId, Map<String, PlaybookNode> byText) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw));
        if (in.readInt() != FORMAT) {
            throw new IllegalStateException(RESOURCE + " is of another build: rebuild migrescue");
        }
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            String id = string(in);
            String text = string(in);
            byId.put(id, text);
            byText.put(text, node(in));
        }
    }

    /**
     * The build step: reads every {@code *.yaml} of {@code args[0]}, refuses the build on one that does not load (so a
     * broken built-in playbook fails {@code mvn package}, not a user's run), and writes {@code args[1]}.
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<Path> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out)))) {
            o.writeInt(FORMAT);
            o.writeInt(files.size());
            for (Path f : files) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                PlaybookNode tree = PlaybookYaml.read(text, f.toString());
                PlaybookLoader.parse(tree, f.toString());
                write(f.getFileName().toString().replaceFirst("\\.yaml$", ""), o);
                write(text, o);
                write(tree, o);
            }
        }
    }

    static void write(PlaybookNode n, DataOutputStream o) throws IOException {
        if (n.isObject()) {
            o.writeByte('M');
            o.writeInt(n.size());
            for (Map.Entry<String, PlaybookNode> e : n.fields().entrySet()) {
                write(e.getKey(), o);
                write(e.getValue(), o);
            }
        } else if (n.isArray()) {
            o.writeByte('L');
            o.writeInt(n.size());
            for (PlaybookNode x : n.elements()) {
                write(x, o);
            }
        } else if (n.scalar() instanceof String text) {
            o.writeByte('S');
            write(text, o);
        } else if (n.scalar() instanceof Boolean b) {
            o.writeByte(b ? 'T' : 'F');
        } else if (n.scalar() instanceof Long i) {
            o.writeByte('I');
            o.writeLong(i);
        } else if (n.scalar() instanceof Double d) {
            o.writeByte('D');
            o.writeDouble(d);
        } else {
            o.writeByte(n.isNull() ? 'N' : 'X');
        }
    }

    static PlaybookNode node(DataInputStream in) throws IOException {
        int tag = in.readByte();
        return switch (tag) {
            case 'M' -> {
                int size = in.readInt();
                Map<String, PlaybookNode> fields = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    fields.put(string(in), node(in));
                }
                yield PlaybookNode.mapping(fields);
            }
            case 'L' -> {
                int size = in.readInt();
                List<PlaybookNode> items = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    items.add(node(in));
                }
                yield PlaybookNode.list(items);
            }
            case 'S' -> PlaybookNode.text(string(in));
            case 'T' -> PlaybookNode.bool(true);
            case 'F' -> PlaybookNode.bool(false);
            case 'I' -> PlaybookNode.integer(in.readLong());
            case 'D' -> PlaybookNode.decimal(in.readDouble());
            case 'N' -> PlaybookNode.NULL;
            case 'X' -> PlaybookNode.MISSING;
            default -> throw new IOException("unknown tag " + tag + " in " + RESOURCE);
        };
    }

    private static void write(String s, DataOutputStream o) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        o.writeInt(bytes.length);
        o.write(bytes);
    }

    private static String string(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
