package org.tidings.opml;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * OPML {@code dateCreated}: RFC 822 as the spec says, read leniently (zone names such as {@code
 * UTC}, no zone at all as FreshRSS writes it, or ISO 8601); written as RFC 1123 in GMT.
 */
final class Rfc822 {
    private static final DateTimeFormatter WRITE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter WITH_ZONE = lenient("[EEE, ]d MMM yyyy HH:mm[:ss] z");
    private static final DateTimeFormatter WITH_OFFSET = lenient("[EEE, ]d MMM yyyy HH:mm[:ss] xx");
    private static final DateTimeFormatter WITHOUT_ZONE = lenient("[EEE, ]d MMM yyyy HH:mm[:ss]");

    private Rfc822() {}

    static String format(Instant instant) {
        return WRITE.format(instant);
    }

    static Optional<Instant> parse(String text) {
        String value = text.strip().replaceAll("\\s+", " ");
        for (DateTimeFormatter zoned : List.of(DateTimeFormatter.RFC_1123_DATE_TIME, WITH_OFFSET, WITH_ZONE)) {
            try {
                return Optional.of(ZonedDateTime.parse(value, zoned).toInstant());
            } catch (DateTimeParseException e) {
                // try the next shape
            }
        }
        try {
            return Optional.of(LocalDateTime.parse(value, WITHOUT_ZONE).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            // try ISO 8601
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            // try without offset
        }
        try {
            return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static DateTimeFormatter lenient(String pattern) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .parseLenient()
                .appendPattern(pattern)
                .toFormatter(Locale.US);
    }
}
