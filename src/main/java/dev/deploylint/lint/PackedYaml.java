package dev.deploylint.lint;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The YAML resources deploylint ships (rule metadata and data tables), read at run time from a
 * compact binary form the build writes beside each file ({@code PF001.yaml.bin}): decoding it takes
 * microseconds, while SnakeYAML's first document costs tens of milliseconds of a cold start. The
 * packed tree is exactly what SnakeYAML's safe loader returns (maps in order, lists, strings,
 * numbers, booleans, dates, nulls). Without the packed file, as when running from an IDE, the YAML
 * is parsed.
 */
public final class PackedYaml {

    static final String SUFFIX = ".bin";
    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte INTEGER = 2;
    private static final byte LONG = 3;
    private static final byte DOUBLE = 4;
    private static final byte BOOLEAN = 5;
    private static final byte LIST = 6;
    private static final byte MAP = 7;
    private static final byte DATE = 8;
    private static final byte BIG_INTEGER = 9;

    private PackedYaml() {
    }

    /** The document of classpath resource {@code resource} (such as {@code /rules/PF001.yaml}); null when it does not exist. */
    public static Object load(String resource) {
        try (InputStream packed = PackedYaml.class.getResourceAsStream(resource + SUFFIX)) {
            if (packed != null) {
                return read(new DataInputStream(new ByteArrayInputStream(packed.readAllBytes())));
            }
            try (InputStream yaml = PackedYaml.class.getResourceAsStream(resource)) {
                return yaml == null ? null : parse(new String(yaml.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mapping at the top of shipped resource {@code resource}; fails when it is missing, as a broken build would. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> loadMapping(String resource) {
        Object loaded = load(resource);
        if (!(loaded instanceof Map<?, ?>)) {
            throw new IllegalStateException(resource.substring(1) + " is missing from the classpath or is not a mapping");
        }
        return (Map<String, Object>) loaded;
    }

    static Object parse(String yaml) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    }

    static byte[] pack(Object document) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(document, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Object unpack(byte[] packed) {
        try {
            return read(new DataInputStream(new ByteArrayInputStream(packed)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Object value, DataOutputStream out) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String s) {
            out.writeByte(STRING);
            writeText(s, out);
        } else if (value instanceof Integer i) {
            out.writeByte(INTEGER);
            out.writeInt(i);
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (value instanceof BigInteger big) {
            out.writeByte(BIG_INTEGER);
            writeText(big.toString(), out);
        } else if (value instanceof Date date) {
            out.writeByte(DATE);
            out.writeLong(date.getTime());
        } else if (value instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object item : list) {
                write(item, out);
            }
        } else if (value instanceof Map<?, ?> map) {
            out.writeByte(MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                write(entry.getKey(), out);
                write(entry.getValue(), out);
            }
        } else {
            throw new IllegalArgumentException("cannot pack a " + value.getClass().getName());
        }
    }

    private static void writeText(String text, DataOutputStream out) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static Object read(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case STRING -> readText(in);
            case INTEGER -> in.readInt();
            case LONG -> in.readLong();
            case DOUBLE -> in.readDouble();
            case BOOLEAN -> in.readBoolean();
            case BIG_INTEGER -> new BigInteger(readText(in));
            case DATE -> new Date(in.readLong());
            case LIST -> {
                int size = in.readInt();
                List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(read(in));
                }
                yield list;
            }
            case MAP -> {
                int size = in.readInt();
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    map.put(read(in), read(in));
                }
                yield map;
            }
            default -> throw new IOException("not a packed YAML document (tag " + tag + ")");
        };
    }

    private static String readText(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }

    /**
     * Build step: writes {@code X.yaml.bin} beside every {@code X.yaml} under the folders given, and
     * {@link RuleCatalog#APPLIES_TO_INDEX} beside rule files: each rule id's {@code applies-to}, so
     * the linter can choose rules without reading every rule's metadata at start-up.
     */
    public static void main(String[] folders) throws IOException {
        for (String folder : folders) {
            Map<String, Object> appliesTo = new java.util.TreeMap<>();
            try (Stream<Path> files = Files.walk(Path.of(folder))) {
                for (Path yaml : files.filter(p -> p.getFileName().toString().endsWith(".yaml")).toList()) {
                    Object document = parse(Files.readString(yaml, StandardCharsets.UTF_8));
                    Files.write(yaml.resolveSibling(yaml.getFileName() + SUFFIX), pack(document));
                    if (yaml.getParent().equals(Path.of(folder)) && document instanceof Map<?, ?> rule && rule.get("id") != null) {
                        appliesTo.put(String.valueOf(rule.get("id")), String.valueOf(rule.get("applies-to")));
                    }
                }
            }
            if (!appliesTo.isEmpty()) {
                Files.write(Path.of(folder).resolve(RuleCatalog.APPLIES_TO_INDEX + SUFFIX), pack(appliesTo));
            }
        }
    }
}
