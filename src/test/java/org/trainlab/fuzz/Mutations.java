package org.trainlab.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Turns a valid file into a damaged or hostile one, reproducibly from a random stream: bytes cut,
 * flipped, inserted, deleted or repeated, header counts made huge or negative, magic numbers changed;
 * JSON values replaced by the wrong type, NaN and infinities, numbers too large for any type, strings
 * where numbers belong, deep or huge nesting, unknown, missing and repeated fields.
 */
public final class Mutations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARK = "\u0001MUTATION\u0001";

    /** Raw JSON put in place of one value: wrong types, non-finite and unrepresentable numbers, hostile sizes. */
    private static final String[] VALUES = {
        "NaN", "Infinity", "-Infinity", "\"NaN\"", "\"Infinity\"", "1e400", "-1e400", "1e-400",
        "123456789012345678901234567890", "-1", "0", "-0.0", "2147483648", "-2147483649", "9223372036854775808",
        "1.5", "3", "\"12\"", "\"abc\"", "\"\"", "true", "false", "null", "[]", "{}", "[1, 2, 3]",
        "{\"unknown\": 1}", "\"\\u0000\"", "\"\\ud800\"", "[null]", "[\"x\"]", "[NaN]", "-",
    };

    private Mutations() {
    }

    /** A damaged copy of binary data (for IDX files: {@code headerInts} big-endian ints start the file). */
    public static byte[] bytes(byte[] valid, SplittableRandom r, int headerInts) {
        byte[] b = valid.clone();
        int steps = 1 + r.nextInt(3);
        for (int s = 0; s < steps; s++) {
            b = switch (r.nextInt(9)) {
                case 0 -> truncate(b, r);
                case 1 -> flip(b, r);
                case 2 -> insert(b, r);
                case 3 -> delete(b, r);
                case 4 -> repeat(b, r);
                case 5, 6 -> headerInt(b, r, headerInts);
                case 7 -> magic(b, r);
                default -> flipInHeader(b, r, headerInts);
            };
        }
        return b;
    }

    /** A damaged copy of JSON text: mostly structural changes that stay valid JSON, some broken syntax. */
    public static String json(String valid, SplittableRandom r) {
        String text = valid;
        int steps = 1 + r.nextInt(3);
        for (int s = 0; s < steps; s++) {
            int kind = r.nextInt(20);
            if (kind < 11) {
                text = replaceValue(text, r);
            } else if (kind < 13) {
                text = addUnknownField(text, r);
            } else if (kind < 15) {
                text = removeField(text, r);
            } else if (kind == 15) {
                text = repeatField(text, r);
            } else if (kind == 16) {
                text = deep(r);
            } else if (kind == 17) {
                text = huge(text, r);
            } else {
                // broken syntax or encoding
                byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                b = r.nextBoolean() ? truncate(b, r) : flip(b, r);
                text = new String(b, java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return text;
    }

    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // --- bytes ---

    private static byte[] truncate(byte[] b, SplittableRandom r) {
        return java.util.Arrays.copyOf(b, b.length == 0 ? 0 : r.nextInt(b.length));
    }

    private static byte[] flip(byte[] b, SplittableRandom r) {
        if (b.length > 0) {
            int n = 1 + r.nextInt(8);
            for (int i = 0; i < n; i++) {
                b[r.nextInt(b.length)] ^= (byte) (1 + r.nextInt(255));
            }
        }
        return b;
    }

    private static byte[] insert(byte[] b, SplittableRandom r) {
        int at = r.nextInt(b.length + 1);
        byte[] extra = new byte[1 + r.nextInt(64)];
        r.nextBytes(extra);
        return splice(b, at, at, extra);
    }

    private static byte[] delete(byte[] b, SplittableRandom r) {
        if (b.length == 0) {
            return b;
        }
        int at = r.nextInt(b.length);
        int to = Math.min(b.length, at + 1 + r.nextInt(64));
        return splice(b, at, to, new byte[0]);
    }

    private static byte[] repeat(byte[] b, SplittableRandom r) {
        if (b.length == 0) {
            return b;
        }
        int at = r.nextInt(b.length);
        int to = Math.min(b.length, at + 1 + r.nextInt(256));
        return splice(b, to, to, java.util.Arrays.copyOfRange(b, at, to));
    }

    private static final int[] HOSTILE_INTS = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x7fff_fff0,
        1 << 30, 1 << 24, 65_536, 60_000, 10_000_000, 0x0000_0803, 0x0000_0801};

    private static byte[] headerInt(byte[] b, SplittableRandom r, int headerInts) {
        if (headerInts == 0 || b.length < 4) {
            return flip(b, r);
        }
        int index = r.nextInt(Math.min(headerInts, b.length / 4));
        int value = r.nextBoolean() ? HOSTILE_INTS[r.nextInt(HOSTILE_INTS.length)] : r.nextInt();
        ByteBuffer.wrap(b).putInt(4 * index, value);
        return b;
    }

    private static byte[] magic(byte[] b, SplittableRandom r) {
        if (b.length >= 4) {
            int[] magics = {0x0000_0803, 0x0000_0801, 0x0000_0802, 0x0000_0903, 0x0000_0D03, 0x1f8b_0800, 0x504b_0304, 0};
            ByteBuffer.wrap(b).putInt(0, magics[r.nextInt(magics.length)]);
        }
        return b;
    }

    private static byte[] flipInHeader(byte[] b, SplittableRandom r, int headerInts) {
        int span = Math.min(b.length, Math.max(4, 4 * headerInts));
        if (span > 0) {
            b[r.nextInt(span)] ^= (byte) (1 + r.nextInt(255));
        }
        return b;
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] with) {
        byte[] out = new byte[b.length - (to - from) + with.length];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(with, 0, out, from, with.length);
        System.arraycopy(b, to, out, from + with.length, b.length - to);
        return out;
    }

    // --- JSON ---

    private record Slot(JsonNode parent, String field, int index) {
    }

    private static JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return null; // an earlier step broke the syntax: later steps work on the text
        }
    }

    private static List<Slot> slots(JsonNode node, List<Slot> into) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                into.add(new Slot(object, name, -1));
                slots(object.get(name), into);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                into.add(new Slot(array, null, i));
                slots(array.get(i), into);
            }
        }
        return into;
    }

    private static String replaceValue(String text, SplittableRandom r) {
        JsonNode root = tree(text);
        List<Slot> slots = root == null ? List.of() : slots(root, new ArrayList<>());
        if (slots.isEmpty()) {
            return text;
        }
        Slot slot = slots.get(r.nextInt(slots.size()));
        set(slot, TextNode.valueOf(MARK));
        String value = VALUES[r.nextInt(VALUES.length)];
        return root.toString().replace(JSON_MARK, value);
    }

    private static final String JSON_MARK = "\"\\u0001MUTATION\\u0001\"";

    private static String addUnknownField(String text, SplittableRandom r) {
        JsonNode root = tree(text);
        List<ObjectNode> objects = new ArrayList<>();
        if (root instanceof ObjectNode o) {
            objects.add(o);
        }
        if (root != null) {
            for (Slot s : slots(root, new ArrayList<>())) {
                JsonNode child = s.field != null ? s.parent.get(s.field) : s.parent.get(s.index);
                if (child instanceof ObjectNode o) {
                    objects.add(o);
                }
            }
        }
        if (objects.isEmpty()) {
            return text;
        }
        objects.get(r.nextInt(objects.size())).put("unknownField" + r.nextInt(100), r.nextInt());
        return root.toString();
    }

    private static String removeField(String text, SplittableRandom r) {
        JsonNode root = tree(text);
        List<Slot> fields = root == null ? List.of() : slots(root, new ArrayList<>()).stream()
                .filter(s -> s.field != null).toList();
        if (fields.isEmpty()) {
            return text;
        }
        Slot s = fields.get(r.nextInt(fields.size()));
        ((ObjectNode) s.parent).remove(s.field);
        return root.toString();
    }

    /** The same field twice, the second with another value: a text splice, since a tree cannot hold it. */
    private static String repeatField(String text, SplittableRandom r) {
        int brace = text.indexOf('{');
        if (brace < 0) {
            return text;
        }
        String[] names = {"format", "kind", "runs", "epochs", "training", "name", "data", "count"};
        String name = names[r.nextInt(names.length)];
        String value = VALUES[r.nextInt(VALUES.length)];
        return text.substring(0, brace + 1) + "\"" + name + "\": " + value + ", \"" + name + "\": " + value + ","
                + text.substring(brace + 1);
    }

    /** Nesting far deeper than any file: arrays or objects, thousands of levels. */
    private static String deep(SplittableRandom r) {
        int depth = 1_000 + r.nextInt(20_000);
        boolean objects = r.nextBoolean();
        StringBuilder sb = new StringBuilder(depth * 8);
        for (int i = 0; i < depth; i++) {
            sb.append(objects ? "{\"a\":" : "[");
        }
        sb.append('1');
        for (int i = 0; i < depth; i++) {
            sb.append(objects ? '}' : ']');
        }
        return sb.toString();
    }

    /** A value made huge in place: a long string, a long array, a long number. */
    private static String huge(String text, SplittableRandom r) {
        JsonNode root = tree(text);
        List<Slot> slots = root == null ? List.of() : slots(root, new ArrayList<>());
        if (slots.isEmpty()) {
            return text;
        }
        int size = 10_000 + r.nextInt(200_000);
        String value = switch (r.nextInt(3)) {
            case 0 -> "\"" + "x".repeat(size) + "\"";
            case 1 -> "[" + "0,".repeat(size / 2) + "0]";
            default -> "1" + "0".repeat(size);
        };
        set(slots.get(r.nextInt(slots.size())), TextNode.valueOf(MARK));
        return root.toString().replace(JSON_MARK, value);
    }

    private static void set(Slot slot, JsonNode value) {
        if (slot.field != null) {
            ((ObjectNode) slot.parent).set(slot.field, value);
        } else {
            ((ArrayNode) slot.parent).set(slot.index, value);
        }
    }
}
