package org.tidings.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Feed date parsing: W3C-DTF / ISO 8601, RFC 822 with the broken variants real feeds use (two-digit
 * years, swapped day and month, missing seconds, time or zone, named zones) and asctime. A date
 * without a zone is taken as UTC. The rules follow the widely used lenient parsers so that the same
 * text gives the same instant.
 */
final class Dates {
    private Dates() {}

    /** Hours east of UTC for named zones (RFC 822 military/US names plus common ones). */
    private static final Map<String, Integer> ZONE_MINUTES = Map.ofEntries(
            Map.entry("ut", 0), Map.entry("utc", 0), Map.entry("gmt", 0), Map.entry("z", 0),
            Map.entry("adt", -3 * 60), Map.entry("ast", -4 * 60), Map.entry("at", -4 * 60),
            Map.entry("edt", -4 * 60), Map.entry("est", -5 * 60), Map.entry("et", -5 * 60),
            Map.entry("cdt", -5 * 60), Map.entry("cst", -6 * 60), Map.entry("ct", -6 * 60),
            Map.entry("mdt", -6 * 60), Map.entry("mst", -7 * 60), Map.entry("mt", -7 * 60),
            Map.entry("pdt", -7 * 60), Map.entry("pst", -8 * 60), Map.entry("pt", -8 * 60),
            Map.entry("a", -60), Map.entry("n", 60), Map.entry("m", -12 * 60), Map.entry("y", 12 * 60),
            Map.entry("met", 60), Map.entry("mest", 2 * 60),
            // beyond the RFC 822 list: unambiguous names seen in real feeds
            Map.entry("cet", 60), Map.entry("cest", 2 * 60), Map.entry("wet", 0), Map.entry("west", 60),
            Map.entry("bst", 60), Map.entry("eet", 2 * 60), Map.entry("eest", 3 * 60),
            Map.entry("msk", 3 * 60), Map.entry("wat", 60), Map.entry("cat", 2 * 60), Map.entry("eat", 3 * 60),
            Map.entry("sast", 2 * 60), Map.entry("jst", 9 * 60), Map.entry("kst", 9 * 60),
            Map.entry("hkt", 8 * 60), Map.entry("sgt", 8 * 60), Map.entry("awst", 8 * 60),
            Map.entry("acst", 9 * 60 + 30), Map.entry("aest", 10 * 60), Map.entry("aedt", 11 * 60),
            Map.entry("nzst", 12 * 60), Map.entry("nzdt", 13 * 60), Map.entry("hst", -10 * 60),
            Map.entry("akst", -9 * 60), Map.entry("akdt", -8 * 60), Map.entry("nst", -(3 * 60 + 30)),
            Map.entry("ndt", -(2 * 60 + 30)));

    private static final Set<String> DAY_NAMES = Set.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    /** The instant the text denotes, or null when it is not a date any of the rules accept. */
    static @Nullable Instant parse(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        if (value.isEmpty() || value.length() > 100) {
            return null;
        }
        Instant result = w3dtf(value);
        if (result == null) {
            result = rfc822(value);
        }
        if (result == null) {
            result = iso8601(value);
        }
        if (result == null) {
            result = asctime(value);
        }
        if (result == null) {
            result = slashed(value);
        }
        return result;
    }

    /** W3C-DTF (a profile of ISO 8601), also the MSSQL form {@code 2004-07-08 23:56:58.0}. */
    static @Nullable Instant w3dtf(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        List<String> parts = new ArrayList<>(Arrays.asList(lower.split("t", -1)));
        if (parts.size() == 1) {
            parts = new ArrayList<>(Arrays.asList(whitespaceSplit(parts.get(0))));
            if (parts.size() == 1) {
                parts.add("00:00:00z");
            }
            if (parts.isEmpty()) {
                return null;
            }
        } else if (parts.size() > 2) {
            return null;
        }
        String[] date = parts.get(0).split("-", 3);
        if (date.length == 0 || date[0].length() != 4) {
            return null;
        }
        Integer year = pyInt(date[0]);
        Integer month = date.length > 1 ? pyInt(date[1]) : Integer.valueOf(1);
        Integer day = date.length > 2 ? pyInt(date[2]) : Integer.valueOf(1);
        if (year == null || month == null || day == null) {
            return null;
        }
        if (parts.size() < 2) {
            return null;
        }
        String timePart = parts.get(1);
        if (timePart.endsWith("z")) {
            timePart = timePart.substring(0, timePart.length() - 1);
            parts.set(1, timePart);
            parts.add("z");
        }
        int loc = timePart.indexOf('-');
        if (loc < 0) {
            loc = timePart.indexOf('+');
        }
        if (loc < 0) {
            loc = timePart.length();
        }
        parts.add(timePart.substring(loc));
        timePart = timePart.substring(0, loc);
        String[] time = timePart.split(":", 3);
        String zone = parts.get(2);
        int offsetMinutes;
        if (zone.startsWith("-") || zone.startsWith("+")) {
            Integer hours = pyInt(zone.length() >= 3 ? zone.substring(1, 3) : zone.substring(1));
            Integer minutes = pyInt(zone.length() > 4 ? zone.substring(4) : "");
            if (hours == null || minutes == null) {
                return null;
            }
            offsetMinutes = hours * 60 + minutes;
            if (zone.startsWith("-")) {
                offsetMinutes = -offsetMinutes;
            }
        } else {
            offsetMinutes = ZONE_MINUTES.getOrDefault(zone, 0);
        }
        int[] hms = new int[3];
        for (int i = 0; i < 3; i++) {
            String piece = i < time.length ? time[i] : "0";
            Integer number = pyIntOfFloat(piece);
            if (number == null) {
                return null;
            }
            hms[i] = number;
        }
        return instant(year, month, day, hms[0], hms[1], hms[2], offsetMinutes);
    }

    /** RFC 822 / RFC 1123 and their common mistakes. */
    static @Nullable Instant rfc822(String value) {
        List<String> parts = new ArrayList<>(Arrays.asList(whitespaceSplit(value.toLowerCase(Locale.ROOT))));
        if (parts.isEmpty()) {
            return null;
        }
        if (parts.size() < 5) {
            parts.add("00:00:00");
            parts.add("0000");
        }
        if (DAY_NAMES.contains(prefix3(parts.get(0)))) {
            parts.remove(0);
        }
        if (parts.size() < 5) {
            return null;
        }
        int month = MONTHS.indexOf(prefix3(parts.get(1))) + 1;
        Integer day = pyInt(parts.get(0));
        if (day == null) {
            int swapped = MONTHS.indexOf(prefix3(parts.get(0))) + 1;
            if (swapped == 0) {
                return null;
            }
            day = pyInt(parts.get(1));
            if (day == null) {
                return null;
            }
            month = swapped;
        }
        if (month == 0) {
            return null;
        }
        Integer year = pyInt(parts.get(2));
        if (year == null) {
            return null;
        }
        if (parts.get(2).length() <= 2) {
            year += year < 90 ? 2000 : 1900;
        }
        String[] time = parts.get(3).split(":", -1);
        int[] hms = new int[3];
        if (time.length > 3) {
            return null;
        }
        for (int i = 0; i < 3; i++) {
            Integer number = pyInt(i < time.length ? time[i] : "0");
            if (number == null) {
                return null;
            }
            hms[i] = number;
        }
        String zone = parts.get(4);
        if (zone.startsWith("etc/")) {
            zone = zone.substring(4);
        }
        if (zone.startsWith("gmt")) {
            String rest = zone.substring(3).replace(":", "");
            zone = rest.isEmpty() ? "gmt" : rest;
        }
        int offsetMinutes;
        if (!zone.isEmpty() && (zone.charAt(0) == '-' || zone.charAt(0) == '+')) {
            Integer hours;
            Integer minutes;
            if (zone.contains(":")) {
                hours = pyInt(slice(zone, 1, 3));
                minutes = pyInt(slice(zone, 4, zone.length()));
            } else {
                hours = pyInt(slice(zone, 1, 3));
                minutes = pyInt(slice(zone, 3, zone.length()));
            }
            if (hours == null || minutes == null) {
                return null;
            }
            offsetMinutes = hours * 60 + minutes;
            if (zone.charAt(0) == '-') {
                offsetMinutes = -offsetMinutes;
            }
        } else {
            offsetMinutes = ZONE_MINUTES.getOrDefault(zone, 0);
        }
        return instant(year, month, day, hms[0], hms[1], hms[2], offsetMinutes);
    }

    /** {@code Sun Jan  4 16:29:06 PST 2004} and {@code Sun Jan  4 16:29:06 2004}. */
    static @Nullable Instant asctime(String value) {
        List<String> parts = new ArrayList<>(Arrays.asList(whitespaceSplit(value)));
        if (parts.size() == 5) {
            parts.add(4, "+0000");
        }
        if (parts.size() != 6) {
            return null;
        }
        return rfc822(String.join(" ", parts.get(0), parts.get(2), parts.get(1), parts.get(5), parts.get(3),
                parts.get(4)));
    }

    /** ISO 8601 date (with or without hyphens), optional time and zone; matched as a prefix. */
    private static final java.util.regex.Pattern ISO_8601 = java.util.regex.Pattern.compile(
            "(\\d{4})-?([01]\\d)-?([0123]\\d)(?:T?(\\d{2}):?(\\d{2})(?::?(\\d{2}))?(?:\\.\\d+)?"
                    + "(Z|[+-](\\d{2})(?::?(\\d{2}))?)?)?");
    private static final java.util.regex.Pattern FLOAT =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    /**
     * ISO 8601 read from the start of the text, ignoring what follows (so {@code
     * 2026-11-02T10:00:00 GMT} and {@code 2026-11-02T10:00:00+02} work); also the compact forms
     * {@code 20261102T100000Z} and {@code 20261102}.
     */
    static @Nullable Instant iso8601(String value) {
        if (value.length() < 8 || !Character.isDigit(value.charAt(0))) {
            return null;
        }
        java.util.regex.Matcher m = ISO_8601.matcher(value);
        if (!m.lookingAt()) {
            return null;
        }
        int offset = 0;
        if (m.group(7) != null && !m.group(7).equals("Z")) {
            offset = Integer.parseInt(m.group(8)) * 60 + (m.group(9) == null ? 0 : Integer.parseInt(m.group(9)));
            if (m.group(7).startsWith("-")) {
                offset = -offset;
            }
        }
        return instant(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
                m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), offset);
    }

    private static final java.util.regex.Pattern SLASHED = java.util.regex.Pattern.compile(
            "(\\d{4})/(\\d{1,2})/(\\d{1,2})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");

    /** {@code 2020/1/10 14:33:00}, common in feeds from Chinese and Japanese sites; taken as UTC. */
    static @Nullable Instant slashed(String value) {
        if (value.indexOf('/') < 0) {
            return null;
        }
        java.util.regex.Matcher m = SLASHED.matcher(value);
        if (!m.matches()) {
            return null;
        }
        return instant(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
                m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), 0);
    }

    private static @Nullable Instant instant(int year, int month, int day, int hour, int minute, int second,
            int offsetMinutes) {
        if (year < 1 || year > 9999) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second);
            return local.toInstant(ZoneOffset.UTC).minusSeconds(offsetMinutes * 60L);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String[] whitespaceSplit(String value) {
        String stripped = value.strip();
        return stripped.isEmpty() ? new String[0] : WHITESPACE.split(stripped);
    }

    private static String prefix3(String value) {
        return value.length() > 3 ? value.substring(0, 3) : value;
    }

    private static String slice(String value, int from, int to) {
        int end = Math.min(to, value.length());
        return from >= end ? "" : value.substring(from, end);
    }

    /** Python's {@code int(str)}: optional sign, digits, surrounding whitespace. */
    private static @Nullable Integer pyInt(String text) {
        String value = text.strip();
        if (value.isEmpty() || value.length() > 9) {
            return null;
        }
        int start = value.charAt(0) == '+' || value.charAt(0) == '-' ? 1 : 0;
        if (start == value.length()) {
            return null;
        }
        for (int i = start; i < value.length(); i++) {
            if (!Character.isDigit(value.charAt(i)) || value.charAt(i) > '9') {
                return null;
            }
        }
        return Integer.parseInt(value);
    }

    /** Python's {@code int(float(str))}. */
    private static @Nullable Integer pyIntOfFloat(String text) {
        String value = text.strip();
        if (value.isEmpty() || !FLOAT.matcher(value).matches()) {
            return null;
        }
        double number = Double.parseDouble(value);
        if (Math.abs(number) > 1e9) {
            return null;
        }
        return (int) number;
    }
}
