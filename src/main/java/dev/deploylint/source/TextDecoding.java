package dev.deploylint.source;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a file the way the tool that reads it on Heroku does, so deploylint sees the text the
 * build sees and reports a file as unreadable only when that tool cannot read it either.
 * <ul>
 *   <li>requirements files: pip's {@code auto_decode} (pip/_internal/utils/encoding.py): a
 *   byte-order mark first, in pip's order, then a {@code coding:} comment in the first two lines,
 *   then the locale's encoding, which is UTF-8 on Heroku;</li>
 *   <li>Python modules: PEP 263, a UTF-8 byte-order mark or a coding cookie in the first two lines,
 *   else UTF-8; Python refuses UTF-16 and NUL bytes;</li>
 *   <li>everything else (Procfile, version files, JSON, TOML, YAML): UTF-8, a UTF-8 byte-order mark
 *   removed and remembered for the rules that judge it.</li>
 * </ul>
 */
final class TextDecoding {

    private record Bom(byte[] bytes, Charset charset) {
    }

    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");

    /**
     * pip's BOMS list in pip's order. {@code codecs.BOM_UTF16} and {@code BOM_UTF32} are the
     * native-order marks, little-endian on Heroku; as in pip, a UTF-32LE mark matches the UTF-16
     * mark first.
     */
    private static final List<Bom> PIP_BOMS = List.of(
            new Bom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, StandardCharsets.UTF_8),
            new Bom(new byte[] {(byte) 0xFF, (byte) 0xFE}, StandardCharsets.UTF_16LE),
            new Bom(new byte[] {(byte) 0xFE, (byte) 0xFF}, StandardCharsets.UTF_16BE),
            new Bom(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, UTF_32LE),
            new Bom(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, UTF_32BE));

    /** pip's ENCODING_RE, searched in a line that starts with '#'. */
    private static final Pattern PIP_CODING = Pattern.compile("coding[:=]\\s*([-\\w.]+)");
    /** PEP 263's cookie. */
    private static final Pattern PEP_263 = Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)");

    private TextDecoding() {
    }

    static FileContent decode(String path, byte[] bytes) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (isRequirementsFile(path, name)) {
            return asPip(path, bytes, path.equals("requirements.txt"));
        }
        if (name.endsWith(".py")) {
            return asPython(path, bytes);
        }
        return asUtf8(path, bytes, path.equals(".python-version") || path.equals("runtime.txt"));
    }

    /** Files pip reads: requirements*.txt, constraints*.txt, and .txt files in a requirements/ folder. */
    static boolean isRequirementsFile(String path, String name) {
        return name.endsWith(".txt") && (name.startsWith("requirements") || name.startsWith("constraints")
                || path.startsWith("requirements/") || path.contains("/requirements/"));
    }

    private static FileContent asPip(String path, byte[] bytes, boolean buildReadsIt) {
        for (Bom bom : PIP_BOMS) {
            if (startsWith(bytes, bom.bytes())) {
                return strict(bytes, bom.bytes().length, bom.charset())
                        .<FileContent>map(text -> SourceFile.of(path, text))
                        .orElseGet(() -> new UnreadableFile(path, "starts with a " + bom.charset().name() + " byte-order mark but is not"
                                + " valid " + bom.charset().name() + ", so pip cannot decode it" + fails(buildReadsIt), buildReadsIt));
            }
        }
        Optional<String> declared = codingLine(bytes, PIP_CODING, true);
        Charset charset = StandardCharsets.UTF_8;
        if (declared.isPresent()) {
            Optional<Charset> named = charset(declared.get());
            if (named.isEmpty()) {
                return new UnreadableFile(path, "declares `coding: " + declared.get() + "`, an encoding deploylint does not know");
            }
            charset = named.get();
        }
        Charset used = charset;
        return strict(bytes, 0, charset).<FileContent>map(text -> SourceFile.of(path, text))
                .orElseGet(() -> new UnreadableFile(path, declared.isPresent()
                        ? "is not valid " + used.name() + " as its `coding:` line declares, so pip cannot decode it" + fails(buildReadsIt)
                        : "is not valid UTF-8 and has no byte-order mark or `coding:` line, so pip, which then reads it as UTF-8 on"
                                + " Heroku, cannot decode it" + fails(buildReadsIt) + "; save it as UTF-8", buildReadsIt));
    }

    private static FileContent asPython(String path, byte[] bytes) {
        if (startsWith(bytes, PIP_BOMS.get(1).bytes()) || startsWith(bytes, PIP_BOMS.get(2).bytes())) {
            return new UnreadableFile(path, "is encoded as UTF-16, which Python cannot import (source code cannot contain null bytes);"
                    + " save it as UTF-8");
        }
        if (!startsWith(bytes, PIP_BOMS.get(0).bytes())) {
            Optional<String> declared = codingLine(bytes, PEP_263, false);
            if (declared.isPresent() && !charset(declared.get()).equals(Optional.of(StandardCharsets.UTF_8))) {
                Optional<Charset> named = charset(declared.get());
                if (named.isEmpty()) {
                    return new UnreadableFile(path, "declares `coding: " + declared.get() + "`, an encoding deploylint does not know");
                }
                if (hasNul(bytes)) {
                    return new UnreadableFile(path, "is a binary file (it contains NUL bytes), not text");
                }
                return strict(bytes, 0, named.get()).<FileContent>map(text -> SourceFile.of(path, text))
                        .orElseGet(() -> new UnreadableFile(path, "is not valid " + named.get().name() + " as its coding cookie declares"));
            }
        }
        return asUtf8(path, bytes, false);
    }

    private static FileContent asUtf8(String path, byte[] bytes, boolean buildFailsOnIt) {
        if (startsWith(bytes, PIP_BOMS.get(1).bytes()) || startsWith(bytes, PIP_BOMS.get(2).bytes())) {
            return new UnreadableFile(path, "is encoded as UTF-16; save it as UTF-8", buildFailsOnIt);
        }
        if (hasNul(bytes)) {
            return new UnreadableFile(path, "is a binary file (it contains NUL bytes), not text");
        }
        if (isAscii(bytes)) {
            // Most config files are plain ASCII, which needs no validating decoder.
            return SourceFile.of(path, new String(bytes, StandardCharsets.US_ASCII));
        }
        return strict(bytes, 0, StandardCharsets.UTF_8).<FileContent>map(text -> SourceFile.of(path, text))
                .orElseGet(() -> new UnreadableFile(path, "is not valid UTF-8; save it as UTF-8", buildFailsOnIt));
    }

    private static String fails(boolean buildReadsIt) {
        return buildReadsIt ? " and the build fails" : "";
    }

    /** The encoding named by a coding line in the first two lines (pip: lines that start with '#'). */
    private static Optional<String> codingLine(byte[] bytes, Pattern pattern, boolean lineMustStartWithHash) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\n", 3);
        for (int i = 0; i < Math.min(2, lines.length); i++) {
            if (lineMustStartWithHash && !lines[i].startsWith("#")) {
                continue;
            }
            Matcher m = pattern.matcher(lines[i]);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** The Java charset for a Python codec name ("latin-1", "utf8", "cp1252"), if Java has it. */
    static Optional<Charset> charset(String pythonName) {
        String name = pythonName.toLowerCase(Locale.ROOT).replace('_', '-');
        if (name.equals("utf8") || name.equals("utf-8") || name.startsWith("utf-8-") || name.equals("u8")) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (name.equals("latin-1") || name.equals("latin1") || name.equals("l1") || name.equals("iso-8859-1")
                || name.equals("iso8859-1")) {
            return Optional.of(StandardCharsets.ISO_8859_1);
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> strict(byte[] bytes, int offset, Charset charset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
