package org.tidings.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Deterministic structure-aware mutations of a document: the same seed bytes and random seed
 * always give the same output, so every failure is reproducible from its case description.
 */
final class Mutator {
    private static final byte[] INTERESTING_BYTES = {0x00, 0x1B, 0x07, 0x7F, (byte) 0x80, (byte) 0x9B, (byte) 0x9D,
        (byte) 0xC0, (byte) 0xED, (byte) 0xEF, (byte) 0xFE, (byte) 0xFF, '<', '>', '&', '"', '\'', ';', ']', '/', '?', '!'};

    private static final String[] TOKENS = {
        // entities, well-formed and not
        "&lol;", "&#0;", "&#x0;", "&#xD800;", "&#xDFFF;", "&#x1B;", "&#27;", "&#155;", "&nbsp;", "&amp", "&",
        "&#99999999999;", "&#x110000;", "&#xFFFE;", "&a", "&;", "&#;", "&#x;", "&hellip;&mdash;&euro;",
        // control characters and terminal escapes
        "\u0000", "\u001b[2J", "\u001b[6n", "\u001b]52;c;aGFja2Vk\u0007", "\u001b]8;;http://evil.example/\u001b\\",
        "\u009b31m", "\u009d0;title\u009c", "\u007f", "\r", "\u2028", "\u202e", "\ufeff", "\ufffe", "\uffff",
        // markup openers and closers
        "<![CDATA[", "]]>", "<!--", "-->", "<?", "?>", "<!DOCTYPE x>", "</", "<", ">", "=\"", "\"", "xmlns=\"\"",
        "xmlns:a=\"http://www.w3.org/2005/Atom\"", "<item>", "</item>", "<entry>", "</entry>", "<title>",
        "</title>", "<link href=\"javascript:alert(1)\"/>", "<pubDate>Sat, 00 Jan 0000 99:99:99 +9999</pubDate>",
        "<updated>99999-12-31T23:59:60Z</updated>", "<updated>-0001-01-01T00:00:00Z</updated>",
        "<category>x</category>", "xml:base=\"file:///etc/\"", "<enclosure url=\"\" length=\"-1\" type=\"\"/>",
        "<outline text=\"t\" xmlUrl=\"file:///etc/passwd\"/>", "<outline>", "</outline>", "<body>", "</body>",
        // JSON
        "{", "}", "[", "]", ",", ":", "\"\\u0000\"", "\"\\ud800\"", "1e999999", "-0", "null", "\"items\":",
        "\"title\":", "\"date_published\":\"0000-00-00T99:99:99Z\"", "\\", "\\u",
    };

    private static final String[] DOCTYPES = {
        "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>",
        "<!DOCTYPE x [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/evil.dtd\"> %p;]>",
        "<!DOCTYPE x SYSTEM \"http://127.0.0.1:9/x.dtd\">",
        "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY lol \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>",
        "<!DOCTYPE x [<!ENTITY lol \"" + "x".repeat(5000) + "\">]>",
        "<!DOCTYPE x [<!ENTITY lol \"&lol;\">]>",
        "<!DOCTYPE x [",
    };

    private static final String[] ENCODINGS = {"UTF-16", "UTF-32", "UTF-8", "ISO-8859-1", "windows-1252",
        "Shift_JIS", "ISO-2022-JP", "UTF-7", "EBCDIC-US", "x-bogus", "", "koi8-r", "GB18030"};

    private static final byte[][] PREFIXES = {
        {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xFF, (byte) 0xFE},
        {(byte) 0xFF, (byte) 0xFE, 0, 0}, {0, 0, (byte) 0xFE, (byte) 0xFF}, {0, '<', 0, '?'}, {'<', 0, '?', 0},
        {' ', '\n', '\t'}, {0x1F, (byte) 0x8B, 0x08},
    };

    private static final byte[][] BAD_UTF8 = {
        {(byte) 0xFF}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xED, (byte) 0xBF, (byte) 0xBF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},
    };

    private Mutator() {}

    /** Applies one to six mutations to {@code input}; {@code donors} supply material for splices. */
    static byte[] mutate(byte[] input, List<FuzzSeeds.Seed> donors, Random random) {
        byte[] data = input;
        int rounds = random.nextBoolean() ? 1 : 2 + random.nextInt(5);
        for (int i = 0; i < rounds; i++) {
            data = once(data, donors, random);
        }
        return data;
    }

    private static byte[] once(byte[] data, List<FuzzSeeds.Seed> donors, Random random) {
        int at = data.length == 0 ? 0 : random.nextInt(data.length + 1);
        switch (random.nextInt(16)) {
            case 0 -> { // bit flips
                byte[] copy = data.clone();
                for (int n = 1 + random.nextInt(8); n > 0 && copy.length > 0; n--) {
                    int p = random.nextInt(copy.length);
                    copy[p] ^= (byte) (1 << random.nextInt(8));
                }
                return copy;
            }
            case 1 -> { // interesting bytes
                byte[] copy = data.clone();
                for (int n = 1 + random.nextInt(4); n > 0 && copy.length > 0; n--) {
                    copy[random.nextInt(copy.length)] = INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)];
                }
                return copy;
            }
            case 2 -> { // truncation
                return java.util.Arrays.copyOf(data, at);
            }
            case 3 -> { // splice with another document
                byte[] donor = donors.get(random.nextInt(donors.size())).bytes();
                int from = donor.length == 0 ? 0 : random.nextInt(donor.length + 1);
                return concat(slice(data, 0, at), slice(donor, from, donor.length));
            }
            case 4, 5 -> { // tokens: entities, control characters, markup
                String token = TOKENS[random.nextInt(TOKENS.length)];
                return insert(data, at, token.repeat(random.nextInt(8) == 0 ? 1 + random.nextInt(200) : 1));
            }
            case 6 -> { // deep nesting
                String tag = random.nextBoolean() ? "<x>" : random.nextBoolean() ? "<outline text=\"a\">" : "[";
                return insert(data, at, tag.repeat(1 + random.nextInt(random.nextInt(10) == 0 ? 20_000 : 600)));
            }
            case 7 -> { // a DOCTYPE with hostile entities, after the XML declaration when there is one
                String doctype = DOCTYPES[random.nextInt(DOCTYPES.length)];
                int p = indexOf(data, "?>");
                return insert(data, p < 0 ? 0 : p + 2, doctype);
            }
            case 8 -> { // invalid UTF-8 and lone surrogates
                return insert(data, at, BAD_UTF8[random.nextInt(BAD_UTF8.length)]);
            }
            case 9 -> { // delete a range
                int end = Math.min(data.length, at + 1 + random.nextInt(64));
                return concat(slice(data, 0, at), slice(data, end, data.length));
            }
            case 10 -> { // duplicate a range
                int end = Math.min(data.length, at + 1 + random.nextInt(512));
                return insert(data, at, slice(data, at, end));
            }
            case 11 -> { // a (false) encoding declaration
                String declaration = "<?xml version=\"1.0\" encoding=\"" + ENCODINGS[random.nextInt(ENCODINGS.length)] + "\"?>";
                return insert(data, 0, declaration);
            }
            case 12 -> { // a byte order mark or wide layout prefix
                return insert(data, 0, PREFIXES[random.nextInt(PREFIXES.length)]);
            }
            case 13 -> { // random bytes
                byte[] chunk = new byte[1 + random.nextInt(32)];
                random.nextBytes(chunk);
                return insert(data, at, chunk);
            }
            case 14 -> { // re-encode the whole document in a wide charset (keeps the declaration)
                String text = new String(data, StandardCharsets.ISO_8859_1);
                return text.getBytes(random.nextBoolean() ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
            }
            default -> { // swap two ranges
                if (data.length < 4) {
                    return data;
                }
                int a = random.nextInt(data.length / 2);
                int b = data.length / 2 + random.nextInt(data.length - data.length / 2);
                int len = Math.min(1 + random.nextInt(128), Math.min(b - a, data.length - b));
                byte[] copy = data.clone();
                System.arraycopy(data, b, copy, a, len);
                System.arraycopy(data, a, copy, b, len);
                return copy;
            }
        }
    }

    private static int indexOf(byte[] data, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + n.length <= Math.min(data.length, 512); i++) {
            for (int j = 0; j < n.length; j++) {
                if (data[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] insert(byte[] data, int at, String text) {
        return insert(data, at, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] insert(byte[] data, int at, byte[] chunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + chunk.length);
        out.write(data, 0, at);
        out.writeBytes(chunk);
        out.write(data, at, data.length - at);
        return out.toByteArray();
    }

    private static byte[] slice(byte[] data, int from, int to) {
        return java.util.Arrays.copyOfRange(data, from, Math.max(from, to));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return insert(a, a.length, b);
    }
}
