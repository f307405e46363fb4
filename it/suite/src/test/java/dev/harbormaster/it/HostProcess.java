package dev.harbormaster.it;

import dev.harbormaster.testkit.pki.KeyEncoding;
import dev.harbormaster.testkit.pki.KeyType;
import dev.harbormaster.testkit.pki.TestPki;
import dev.harbormaster.testkit.process.FreePorts;
import dev.harbormaster.testkit.process.PeerProcess;
import dev.harbormaster.testkit.process.ReadinessCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The real distribution serving over TLS: {@code bin/harbormaster serve --config FILE} started as a
 * process on a free port, with a fresh test CA and server certificate, and an HTTP client that
 * trusts that CA (and nothing else).
 */
final class HostProcess implements AutoCloseable {
  private final PeerProcess process;
  private final int port;
  private final HttpClient client;

  private HostProcess(PeerProcess process, int port, HttpClient client) {
    this.process = process;
    this.port = port;
    this.client = client;
  }

  /**
   * Writes {@code tls/}, {@code plugins/} (the distribution's plugins and the fixture plugin) and
   * {@code config.yaml} from the classpath resource {@code configResource} into {@code workDir},
   * starts the host and waits until {@code /healthz} answers over TLS.
   */
  static HostProcess start(Path workDir, String configResource) {
    TestPki pki = TestPki.create(KeyType.EC_P256);
    pki.writeServerFiles(workDir.resolve("tls"), KeyEncoding.SEC1);
    Distribution.pluginsDirWithFixture(workDir.resolve("plugins"));
    int port = FreePorts.allocate();
    Path config = workDir.resolve("config.yaml");
    write(config, Resources.text(configResource).replace("${port}", Integer.toString(port)));
    HttpClient client =
        HttpClient.newBuilder()
            .sslContext(pki.clientSslContext())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    PeerProcess process =
        PeerProcess.start(
            "harbormaster",
            workDir,
            List.of(
                "/bin/sh",
                Distribution.launcher().toString(),
                "serve",
                "--config",
                config.toString()),
            Map.of("JAVA_HOME", System.getProperty("java.home")));
    HostProcess host = new HostProcess(process, port, client);
    try {
      process.awaitReady(
          ReadinessCheck.of(
              "GET " + host.uri("/healthz") + " answers 200",
              () -> host.get("/healthz").statusCode() == 200),
          Duration.ofSeconds(60));
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
    return host;
  }

  URI uri(String path) {
    return URI.create("https://127.0.0.1:" + port + path);
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  /** POSTs {@code body} as {@code application/json}. */
  HttpResponse<String> postJson(String path, String body) {
    return post(path, body, "application/json");
  }

  HttpResponse<String> post(String path, String body, String contentType) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("request to the host failed\n" + process.logTail(30), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String logTail() {
    return process.logTail(40);
  }

  @Override
  public void close() {
    process.close();
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
