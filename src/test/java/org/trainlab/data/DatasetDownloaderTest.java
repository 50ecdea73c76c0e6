package org.trainlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a local server that misbehaves on purpose, one way per folder of its URL space. */
class DatasetDownloaderTest {

    @TempDir
    Path cache;

    private HttpServer server;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    private final byte[] images = IdxBytes.gzip(IdxBytes.images(3, 4, 4, IdxBytes.pattern(3, 4, 4)));
    private final byte[] labels = IdxBytes.gzip(IdxBytes.labels(new byte[] {1, 2, 3}));
    private final byte[] big = IdxBytes.images(1, 700, 700, IdxBytes.pattern(1, 700, 700));

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        Map<String, byte[]> files = Map.of("images.gz", images, "labels.gz", labels, "big", big);
        server.createContext("/good/", exchange -> {
            count(exchange.getRequestURI().getPath());
            byte[] body = files.get(fileName(exchange.getRequestURI()));
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.createContext("/missing/", exchange -> {
            count(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.createContext("/cut/", exchange -> {
            count(exchange.getRequestURI().getPath());
            byte[] body = files.get(fileName(exchange.getRequestURI()));
            // Promise the whole file, send half, then drop the connection.
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
            exchange.close(); // with bytes still owed, the server drops the connection

        });
        server.createContext("/corrupt/", exchange -> {
            count(exchange.getRequestURI().getPath());
            byte[] body = files.get(fileName(exchange.getRequestURI())).clone();
            body[body.length / 2] ^= 1;
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void downloadsVerifiesAndThenReusesWithoutTheNetwork() throws IOException {
        List<long[]> progress = new ArrayList<>();
        DatasetDownloader downloader = downloader("good");
        downloader.download(entry(), cache, (file, done, total) -> progress.add(new long[] {done, total}),
                CancelToken.NEVER);

        assertArrayEquals(images, Files.readAllBytes(cache.resolve("images.gz")));
        assertArrayEquals(labels, Files.readAllBytes(cache.resolve("labels.gz")));
        assertEquals(2, totalRequests());
        long[] last = progress.get(progress.size() - 1);
        assertEquals(labels.length, last[0]);
        assertEquals(labels.length, last[1]);
        assertNoTempFiles();

        downloader.download(entry(), cache, DatasetDownloader.Listener.NONE, CancelToken.NEVER);
        assertEquals(2, totalRequests(), "verified files must be reused without asking the server");
    }

    @Test
    void replacesAStaleFileWhenTheNewOneVerifies() throws IOException {
        Files.write(cache.resolve("labels.gz"), new byte[] {1, 2, 3});
        downloader("good").download(entry(), cache, DatasetDownloader.Listener.NONE, CancelToken.NEVER);
        assertArrayEquals(labels, Files.readAllBytes(cache.resolve("labels.gz")));
    }

    @Test
    void aCutDownloadFailsAndLeavesExistingFilesAlone() throws IOException {
        Path goodImages = Files.write(cache.resolve("images.gz"), images);
        Files.setLastModifiedTime(goodImages, FileTime.fromMillis(1_000_000_000_000L));
        Path staleLabels = Files.write(cache.resolve("labels.gz"), new byte[] {9, 9});

        IOException e = assertThrows(IOException.class, () -> downloader("cut")
                .download(entry(), cache, DatasetDownloader.Listener.NONE, CancelToken.NEVER));

        String message = e.getMessage();
        assertTrue(message.startsWith("labels.gz from " + base("cut") + "labels.gz"), message);
        assertTrue(message.contains("connection closed after"), message);
        assertTrue(message.contains("of " + labels.length + " bytes"), message);
        assertArrayEquals(images, Files.readAllBytes(goodImages));
        assertEquals(1_000_000_000_000L, Files.getLastModifiedTime(goodImages).toMillis());
        assertArrayEquals(new byte[] {9, 9}, Files.readAllBytes(staleLabels));
        assertEquals(1, totalRequests(), "the good images file must not be fetched again");
        assertNoTempFiles();
    }

    @Test
    void aWrongChecksumFailsNamingBothDigests() throws IOException {
        Path goodLabels = Files.write(cache.resolve("labels.gz"), labels);
        IOException e = assertThrows(IOException.class, () -> downloader("corrupt")
                .download(entry(), cache, DatasetDownloader.Listener.NONE, CancelToken.NEVER));

        byte[] served = images.clone();
        served[served.length / 2] ^= 1;
        assertEquals("images.gz from " + base("corrupt") + "images.gz: checksum mismatch: expected "
                + sha256(images) + ", got " + sha256(served), e.getMessage());
        assertFalse(Files.exists(cache.resolve("images.gz")));
        assertArrayEquals(labels, Files.readAllBytes(goodLabels));
        assertNoTempFiles();
    }

    @Test
    void anHttpErrorFallsBackToTheNextMirror() throws IOException {
        downloader("missing", "good").download(entry(), cache, DatasetDownloader.Listener.NONE, CancelToken.NEVER);
        assertArrayEquals(images, Files.readAllBytes(cache.resolve("images.gz")));
        assertEquals(1, requests.get("/missing/images.gz").get());
        assertEquals(1, requests.get("/good/images.gz").get());
        assertNoTempFiles();
    }

    @Test
    void aRefusedConnectionFallsBackToTheNextMirror() throws IOException {
        URI closed = URI.create("http://127.0.0.1:" + unusedPort() + "/");
        new DatasetDownloader(DatasetDownloader.defaultClient(), List.of(closed, base("good")))
                .download(entry(), cache, DatasetDownloader.Listener.NONE, CancelToken.NEVER);
        assertArrayEquals(labels, Files.readAllBytes(cache.resolve("labels.gz")));
    }

    @Test
    void whenEveryMirrorFailsTheMessageNamesEachUrlAndWhy() {
        IOException e = assertThrows(IOException.class, () -> downloader("missing", "corrupt")
                .download(entry(), cache, DatasetDownloader.Listener.NONE, CancelToken.NEVER));
        String message = e.getMessage();
        assertTrue(message.startsWith("images.gz: every mirror failed: "), message);
        assertTrue(message.contains(base("missing") + "images.gz: HTTP 404"), message);
        assertTrue(message.contains(base("corrupt") + "images.gz: checksum mismatch"), message);
        assertNoTempFiles();
    }

    @Test
    void cancellingStopsBetweenChunksAndDiscardsThePartialFile() throws IOException {
        AtomicBoolean cancel = new AtomicBoolean();
        DatasetCatalog.Entry entry = new DatasetCatalog.Entry("test", "Test", List.of(),
                List.of(new DatasetCatalog.RemoteFile("big", big.length, sha256(big))));
        DatasetDownloader.CancelledException e = assertThrows(DatasetDownloader.CancelledException.class, () -> downloader("good")
                .download(entry, cache, (file, done, total) -> cancel.set(done > 0), CancelToken.of(cancel)));
        assertTrue(e.getMessage().contains("big from " + base("good") + "big"), e.getMessage());
        assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
        assertFalse(Files.exists(cache.resolve("big")));
        assertNoTempFiles();
    }

    private DatasetCatalog.Entry entry() {
        return new DatasetCatalog.Entry("test", "Test", List.of(), List.of(
                new DatasetCatalog.RemoteFile("images.gz", images.length, sha256(images)),
                new DatasetCatalog.RemoteFile("labels.gz", -1, sha256(labels))));
    }

    private DatasetDownloader downloader(String... mirrors) {
        return new DatasetDownloader(DatasetDownloader.defaultClient(), Stream.of(mirrors).map(this::base).toList());
    }

    private URI base(String folder) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + folder + "/");
    }

    private void count(String path) {
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    }

    private int totalRequests() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private void assertNoTempFiles() {
        try (Stream<Path> files = Files.list(cache)) {
            List<String> temps = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part")).toList();
            assertEquals(List.of(), temps, "temp files left behind");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String fileName(URI uri) {
        String path = uri.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
