package org.trainlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Downloads a catalog entry's files into a folder, one file at a time, checking each against its
 * SHA-256 while it streams. A file lands under its final name only when complete and verified
 * (temp file in the same folder, then an atomic move), so an interrupted or bad download never
 * replaces a good file and never leaves a half file that looks finished.
 */
public final class DatasetDownloader {

    /** Progress of the file being downloaded; called on the downloading thread. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (file, done, total) -> { };

        /** @param total the file's byte size, or -1 when neither the server nor the catalog knows it */
        void progress(String file, long done, long total);
    }

    /** Thrown when the cancel token fires; an InterruptedIOException so plain IOException handlers still see it. */
    public static final class CancelledException extends InterruptedIOException {
        public CancelledException(String message) {
            super(message);
        }
    }

    private static final int CHUNK = 1 << 16;
    private static final String TEMP_SUFFIX = ".part";

    private HttpClient http;
    private final List<URI> mirrorOverride;

    /**
     * Uses each entry's own mirrors. The HTTP client (and its selector thread) is made on the first
     * download, so a run on files already present never starts one.
     */
    public DatasetDownloader() {
        this.mirrorOverride = null;
    }

    /** Follows redirects because mirrors move files around; gives up connecting after 20 seconds. */
    public static HttpClient defaultClient() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * @param mirrors base URLs (ending in '/') tried in order instead of the entry's own, or null to use the
     *                entry's; lets tests point the downloader at a local server
     */
    public DatasetDownloader(HttpClient http, List<URI> mirrors) {
        this.http = Objects.requireNonNull(http, "http");
        this.mirrorOverride = mirrors == null ? null : List.copyOf(mirrors);
    }

    private synchronized HttpClient client() {
        if (http == null) {
            http = defaultClient();
        }
        return http;
    }

    /**
     * Makes every file of {@code entry} present and verified in {@code folder}, downloading only what is
     * missing or wrong. Returns the folder.
     *
     * @throws CancelledException when {@code cancel} fires; the file in progress is discarded
     * @throws IOException            naming the file, each URL tried and why it failed
     */
    public Path download(DatasetCatalog.Entry entry, Path folder, Listener listener, CancelToken cancel)
            throws IOException {
        Files.createDirectories(folder);
        List<URI> mirrors = mirrorOverride != null ? mirrorOverride : entry.mirrors();
        for (DatasetCatalog.RemoteFile file : entry.files()) {
            Path target = folder.resolve(file.name());
            if (Files.isRegularFile(target) && file.sha256().equals(sha256(target))) {
                listener.progress(file.name(), Files.size(target), Files.size(target));
                continue;
            }
            fetch(file, target, mirrors, listener, cancel);
        }
        return folder;
    }

    private void fetch(DatasetCatalog.RemoteFile file, Path target, List<URI> mirrors, Listener listener,
                       CancelToken cancel) throws IOException {
        if (mirrors.isEmpty()) {
            throw new IOException(file.name() + ": no mirror to download it from");
        }
        List<String> failures = new ArrayList<>();
        IOException last = null;
        for (URI base : mirrors) {
            URI url = base.resolve(file.name());
            try {
                fetchFrom(url, file, target, listener, cancel);
                return;
            } catch (CancelledException e) {
                throw e;
            } catch (IOException e) {
                failures.add(e.getMessage());
                last = e;
            }
        }
        String message = failures.size() == 1 ? failures.get(0)
                : file.name() + ": every mirror failed: " + String.join("; ", failures);
        throw new IOException(message, last);
    }

    private void fetchFrom(URI url, DatasetCatalog.RemoteFile file, Path target, Listener listener,
                           CancelToken cancel) throws IOException {
        String where = file.name() + " from " + url;
        checkCancel(cancel, where);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60)).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException(where + ": interrupted");
        } catch (IOException e) {
            throw new IOException(where + ": " + describe(e), e);
        }
        Path temp = null;
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException(where + ": HTTP " + response.statusCode());
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            long total = declared >= 0 ? declared : file.size();
            temp = Files.createTempFile(target.getParent(), file.name() + ".", TEMP_SUFFIX);
            String actual = stream(body, temp, where, declared, total, file.name(), listener, cancel);
            if (!actual.equals(file.sha256())) {
                throw new IOException(where + ": checksum mismatch: expected " + file.sha256() + ", got " + actual);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Copies the body into {@code temp} and returns its SHA-256. */
    private static String stream(InputStream body, Path temp, String where, long declared, long total,
                                 String name, Listener listener, CancelToken cancel) throws IOException {
        MessageDigest digest = newSha256();
        byte[] buffer = new byte[CHUNK];
        long done = 0;
        listener.progress(name, 0, total);
        try (OutputStream out = Files.newOutputStream(temp)) {
            while (true) {
                checkCancel(cancel, where);
                int n;
                try {
                    n = body.read(buffer);
                } catch (IOException e) {
                    throw new IOException(where + ": connection closed after " + done + " of "
                            + (total >= 0 ? total + " bytes" : "an unknown number of bytes")
                            + " (" + describe(e) + ")", e);
                }
                if (n < 0) {
                    break;
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
                done += n;
                listener.progress(name, done, total);
            }
        }
        if (declared >= 0 && done != declared) {
            throw new IOException(where + ": connection closed after " + done + " of " + declared + " bytes");
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void checkCancel(CancelToken cancel, String where) throws CancelledException {
        if (cancel.isCancelled()) {
            throw new CancelledException(where + ": download cancelled");
        }
    }

    /** SHA-256 of a file as lower-case hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = newSha256();
        byte[] buffer = new byte[CHUNK];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + message;
    }
}
