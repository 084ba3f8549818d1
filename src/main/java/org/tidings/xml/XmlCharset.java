package org.tidings.xml;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The characters of XML bytes: the byte order mark (or the UTF-16 layout of {@code <}), the
 * Content-Type charset, the {@code encoding} of the XML declaration, and two policies for bytes
 * that do not fit: {@link #decodeGuessing} (feeds: try the likely charsets in turn) and {@link
 * #decodeReplacing} (subscription lists: one charset, bad bytes become U+FFFD).
 */
public final class XmlCharset {
    private XmlCharset() {}

    /** How many bytes at the start are searched for the XML declaration. */
    private static final int HEAD = 400;

    /** A byte order mark (or a UTF-16 layout) and its length in bytes; charset null when there is none. */
    public record Bom(@Nullable Charset charset, int length) {}

    /** The byte order mark, or the layout of a UTF-16 document without one; else charset null. */
    public static Bom bom(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Bom(StandardCharsets.UTF_8, 3);
        } else if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
            return new Bom(Charset.forName("UTF-32LE"), 4);
        } else if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
            return new Bom(Charset.forName("UTF-32BE"), 4);
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Bom(StandardCharsets.UTF_16BE, 2);
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Bom(StandardCharsets.UTF_16LE, 2);
        } else if (startsWith(bytes, 0x00, 0x3C)) {
            return new Bom(StandardCharsets.UTF_16BE, 0);
        } else if (startsWith(bytes, 0x3C, 0x00)) {
            return new Bom(StandardCharsets.UTF_16LE, 0);
        }
        return new Bom(null, 0);
    }

    /** The {@code encoding} named by the XML declaration at the start of {@code head}, or null. */
    public static @Nullable String declaredEncoding(String head) {
        Matcher declared = DECLARED_ENCODING.matcher(head.stripLeading());
        return declared.find() ? declared.group(1) : null;
    }

    /** The {@code encoding} declared by single-byte (ASCII-compatible) bytes, or null. */
    public static @Nullable String declaredEncoding(byte[] bytes) {
        return declaredEncoding(new String(bytes, 0, Math.min(bytes.length, HEAD), StandardCharsets.ISO_8859_1));
    }

    /** Whether a Content-Type header names a charset. */
    public static boolean hasCharsetParameter(@Nullable String contentType) {
        return charsetParameter(contentType) != null;
    }

    /** The charset a Content-Type header names, as written, or null. */
    public static @Nullable String charsetParameter(@Nullable String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CONTENT_TYPE_CHARSET.matcher(contentType);
        return m.find() ? m.group(1) : null;
    }

    /**
     * The subscription lists' policy: the byte order mark, else the declared encoding, else UTF-8;
     * bytes that charset cannot read become U+FFFD, with a warning. An unknown or impossible
     * declaration is read as UTF-8, with a warning.
     */
    public static String decodeReplacing(byte[] bytes, Consumer<String> warnings) {
        Bom bom = bom(bytes);
        Charset charset = bom.charset() != null ? bom.charset() : declaredCharset(bytes, warnings);
        return decodeReplacing(bytes, bom.length(), charset, warnings);
    }

    /** UTF-8 text; invalid bytes become U+FFFD with a warning. */
    public static String decodeUtf8Replacing(byte[] bytes, Consumer<String> warnings) {
        return decodeReplacing(bytes, 0, StandardCharsets.UTF_8, warnings);
    }

    private static Charset declaredCharset(byte[] bytes, Consumer<String> warnings) {
        String name = declaredEncoding(bytes);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            Charset charset = Charset.forName(name);
            if (charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32")) {
                // The declaration was readable as single bytes, so the file is not UTF-16.
                warnings.accept("the file declares encoding " + name + " but is not; read as UTF-8");
                return StandardCharsets.UTF_8;
            }
            return charset;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            warnings.accept("unknown encoding \"" + name + "\"; read as UTF-8");
            return StandardCharsets.UTF_8;
        }
    }

    private static String decodeReplacing(byte[] bytes, int offset, Charset charset, Consumer<String> warnings) {
        String text = tryDecode(bytes, offset, charset);
        if (text != null) {
            return text;
        }
        warnings.accept("bytes that are not valid " + charset.name() + " were replaced by U+FFFD");
        try {
            CharBuffer chars = newDecoder(charset, CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return chars.toString();
        } catch (CharacterCodingException impossible) {
            throw new IllegalStateException("decoding with REPLACE failed", impossible);
        }
    }

    private static CharsetDecoder newDecoder(Charset charset, CodingErrorAction action) {
        return charset.newDecoder().onMalformedInput(action).onUnmappableCharacter(action);
    }

    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:\\-]+)[\"']");
    private static final Pattern CONTENT_TYPE_CHARSET =
            Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9._:\\-]+)", Pattern.CASE_INSENSITIVE);

    /**
     * The feeds' policy: the bytes decoded with the first candidate charset that reads them without
     * error (Content-Type charset, declaration or byte order mark, then UTF-8, windows-1252 and
     * ISO-8859-2), each correction named in {@code warnings}. The byte order mark is not in the text.
     */
    public static String decodeGuessing(byte[] bytes, @Nullable String contentType, List<String> warnings) {
        Bom bom = bom(bytes);
        Charset bomCharset = bom.charset();
        int offset = bom.length();
        String head = bomCharset != null && bomCharset != StandardCharsets.UTF_8
                ? new String(bytes, offset, Math.min(bytes.length - offset, HEAD), bomCharset)
                : new String(bytes, offset, Math.min(bytes.length - offset, HEAD), StandardCharsets.ISO_8859_1);
        String declaredName = declaredEncoding(head);

        LinkedHashSet<Charset> candidates = new LinkedHashSet<>();
        String headerCharset = charsetParameter(contentType);
        if (headerCharset != null) {
            addCharset(candidates, headerCharset, bomCharset);
        }
        Charset declaredCharset = null;
        if (declaredName != null) {
            declaredCharset = addCharset(candidates, declaredName, bomCharset);
        }
        if (bomCharset != null) {
            candidates.add(bomCharset);
        }
        candidates.add(StandardCharsets.UTF_8);
        candidates.add(Charset.forName("windows-1252"));
        candidates.add(Charset.forName("ISO-8859-2"));
        // A single-byte declaration on bytes that are valid UTF-8 with multi-byte sequences: the
        // declaration is wrong (a common server or CMS mistake); read UTF-8.
        Charset firstCandidate = candidates.isEmpty() ? null : candidates.iterator().next();
        if (firstCandidate != null && bomCharset == null && isLatin(firstCandidate) && hasHighBytes(bytes)) {
            String utf8 = tryDecode(bytes, offset, StandardCharsets.UTF_8);
            if (utf8 != null) {
                warnings.add("declared encoding " + firstCandidate.name() + " does not match the bytes; read as UTF-8");
                return utf8;
            }
        }
        boolean first = true;
        for (Charset charset : candidates) {
            String text = tryDecode(bytes, offset, charset);
            if (text == null && charset == StandardCharsets.UTF_8) {
                text = decodeTruncatedUtf8(bytes, offset);
                if (text != null) {
                    warnings.add("dropped an incomplete UTF-8 character at the end (truncated document)");
                    return text;
                }
            }
            if (text != null) {
                if (!first && declaredCharset != null) {
                    warnings.add("declared encoding " + declaredName + " does not match the bytes; read as "
                            + charset.name());
                }
                return text;
            }
            first = false;
        }
        return new String(bytes, offset, bytes.length - offset, StandardCharsets.ISO_8859_1);
    }

    private static boolean isLatin(Charset charset) {
        String name = charset.name();
        return name.equals("ISO-8859-1") || name.equals("windows-1252") || name.equals("US-ASCII");
    }

    /** Whether any byte is outside ASCII. */
    public static boolean hasHighBytes(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable Charset addCharset(LinkedHashSet<Charset> candidates, String name,
            @Nullable Charset bomCharset) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean wide = lower.startsWith("utf-16") || lower.startsWith("utf16") || lower.startsWith("utf-32")
                || lower.startsWith("ucs");
        boolean bomWide = bomCharset != null && bomCharset != StandardCharsets.UTF_8;
        if (wide != bomWide) {
            // A declaration that contradicts the byte layout (e.g. "UTF-16" on single-byte text).
            return null;
        }
        if (wide) {
            return null; // the byte order mark or layout decides
        }
        try {
            // gb18030 is a superset of gb2312 that real "gb2312" feeds need
            Charset charset = Charset.forName(lower.equals("latin-1") ? "ISO-8859-1"
                    : lower.equals("gb2312") || lower.equals("gbk") ? "GB18030" : name);
            candidates.add(charset);
            return charset;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** UTF-8 whose only fault is a multi-byte character cut off by the end of the document. */
    private static @Nullable String decodeTruncatedUtf8(byte[] bytes, int offset) {
        int end = bytes.length;
        for (int back = 1; back <= 3 && end - back >= offset; back++) {
            int b = bytes[end - back] & 0xFF;
            if (b >= 0xC0) {
                int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                if (needed > back) {
                    byte[] head = java.util.Arrays.copyOfRange(bytes, offset, end - back);
                    return tryDecode(head, 0, StandardCharsets.UTF_8);
                }
                return null;
            }
            if (b < 0x80) {
                return null;
            }
        }
        return null;
    }

    private static @Nullable String tryDecode(byte[] bytes, int offset, Charset charset) {
        try {
            CharBuffer chars = newDecoder(charset, CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Whether the bytes start with the given unsigned byte values. */
    public static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

}
