package dev.harbormaster.plugin.mirrorsync;

import dev.harbormaster.testkit.registry.RegistryPeer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * A fake registry front (MockWebServer) that forwards GET and HEAD to a real docker-registry,
 * except that the first {@code failures} GETs of one blob (the first blob asked for) are answered
 * 503. A real registry cannot be made to fail one blob for a while and then recover; this front
 * can. The registry client retries a 503 itself a few times; failing more often than that makes the
 * failure reach the copy queue, which must retry the whole copy.
 */
final class FlakyFront implements AutoCloseable {
  private static final Set<String> HOP_BY_HOP =
      Set.of("connection", "transfer-encoding", "content-length", "keep-alive", "date");

  private final MockWebServer server = new MockWebServer();
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicReference<String> flakyBlob = new AtomicReference<>();
  private final Map<String, AtomicInteger> gets = new ConcurrentHashMap<>();

  FlakyFront(RegistryPeer upstream, int failures) throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            String path = request.getUrl().encodedPath();
            boolean blobGet = request.getMethod().equals("GET") && path.contains("/blobs/sha256:");
            if (blobGet) {
              flakyBlob.compareAndSet(null, path);
              int n = gets.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
              if (path.equals(flakyBlob.get()) && n <= failures) {
                return new MockResponse.Builder()
                    .code(503)
                    .setHeader("Content-Type", "application/json")
                    .body("{\"errors\":[{\"code\":\"UNAVAILABLE\",\"message\":\"flaky front\"}]}")
                    .build();
              }
            }
            return forward(upstream, request);
          }
        });
    server.start(java.net.InetAddress.getLoopbackAddress(), 0);
  }

  /** {@code 127.0.0.1:port}. */
  String host() {
    return "127.0.0.1:" + server.getPort();
  }

  /** The blob path whose first GETs failed. */
  Optional<String> flakyBlob() {
    return Optional.ofNullable(flakyBlob.get());
  }

  /** How many GETs {@code path} received (failed ones included). */
  int getsOf(String path) {
    AtomicInteger n = gets.get(path);
    return n == null ? 0 : n.get();
  }

  private MockResponse forward(RegistryPeer upstream, RecordedRequest request)
      throws InterruptedException {
    HttpRequest.Builder out =
        HttpRequest.newBuilder(URI.create("http://" + upstream.host() + request.getTarget()))
            .method(request.getMethod(), HttpRequest.BodyPublishers.noBody());
    request.getHeaders().names().stream()
        .filter(n -> !HOP_BY_HOP.contains(n.toLowerCase(java.util.Locale.ROOT)))
        .filter(n -> !n.equalsIgnoreCase("host"))
        .forEach(n -> request.getHeaders().values(n).forEach(v -> out.header(n, v)));
    HttpResponse<byte[]> answer;
    try {
      answer = http.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      return new MockResponse.Builder().code(502).body(e.toString()).build();
    }
    MockResponse.Builder in = new MockResponse.Builder().code(answer.statusCode());
    answer.headers().map().entrySet().stream()
        .filter(e -> !HOP_BY_HOP.contains(e.getKey().toLowerCase(java.util.Locale.ROOT)))
        .forEach(e -> e.getValue().forEach(v -> in.addHeader(e.getKey(), v)));
    if (request.getMethod().equals("HEAD")) {
      answer
          .headers()
          .firstValue("Content-Length")
          .ifPresent(len -> in.setHeader("Content-Length", len));
    } else {
      in.body(new Buffer().write(answer.body()));
    }
    return in.build();
  }

  @Override
  public void close() {
    server.close();
  }
}
