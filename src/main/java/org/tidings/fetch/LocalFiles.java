package org.tidings.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import org.apache.hc.client5.http.utils.DateUtils;
import org.jspecify.annotations.Nullable;
import org.tidings.fetch.FetchResult.Failed;
import org.tidings.fetch.FetchResult.Fetched;
import org.tidings.fetch.FetchResult.Kind;
import org.tidings.fetch.FetchResult.NotModified;
import org.tidings.model.Messages;

/**
 * Feeds read from disk ({@code file://} URLs and plain paths) the way HTTP ones are fetched:
 * the same size cap, and the file's modification time as its {@code Last-Modified} validator,
 * so an unchanged file is "not modified".
 */
final class LocalFiles {
    private LocalFiles() {}

    /** The path of a {@code file:} URL or a plain path; null when it is not one. */
    static @Nullable Path localPath(String url) {
        try {
            if (url.regionMatches(true, 0, "file:", 0, 5)) {
                return Path.of(URI.create(url));
            }
            return Path.of(url);
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return null;
        }
    }

    static FetchResult read(String url, Path path, FetchRequest request, long maxBodyBytes) {
        try {
            if (Files.isDirectory(path)) {
                return new Failed(url, Kind.FILE, 0, "is a directory: " + path, null);
            }
            String lastModified = DateUtils.formatStandardDate(
                    Files.getLastModifiedTime(path).toInstant().truncatedTo(ChronoUnit.SECONDS));
            Validators validators = new Validators(null, lastModified);
            if (lastModified.equals(request.lastModified())) {
                return new NotModified(url, validators, CacheInfo.NONE, null);
            }
            if (Files.size(path) > maxBodyBytes) {
                return new Failed(url, Kind.TOO_LARGE, 0,
                        new BodyTooLargeException(maxBodyBytes, false).getMessage(), null);
            }
            byte[] body;
            try (InputStream in = Files.newInputStream(path)) {
                body = in.readNBytes((int) maxBodyBytes + 1);
            }
            if (body.length > maxBodyBytes) {
                return new Failed(url, Kind.TOO_LARGE, 0,
                        new BodyTooLargeException(maxBodyBytes, false).getMessage(), null);
            }
            return new Fetched(url, body, null, null, validators, CacheInfo.NONE, null);
        } catch (NoSuchFileException e) {
            return new Failed(url, Kind.FILE, 0, "no such file: " + path, null);
        } catch (IOException e) {
            return new Failed(url, Kind.FILE, 0, "cannot read " + path + ": " + Messages.firstLine(e.getMessage()), null);
        }
    }
}
