package dev.harbormaster.bench.admission;

import dev.harbormaster.testkit.pki.ClientSslContexts;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator (the wrk2 idea, in Java, because wrk2 is not packaged): sends POST
 * requests at a constant rate whatever the server does, and measures each latency from the time the
 * request was <em>scheduled</em>, so a server stall is charged to every request it delays (no
 * coordinated omission).
 *
 * <p>Runs in its own JVM (started by {@link AdmissionBenchmark}) so that it does not share a heap
 * or a JIT with the servers. Prints one line: {@code RESULT <json>}.
 *
 * <pre>{@code
 * ConstantRateLoad URL RATE WARMUP_SECONDS SECONDS BODY_FILE CA_PEM_FILE
 * }</pre>
 */
public final class ConstantRateLoad {
  /** A request still unanswered after this counts as failed, with this as its latency. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private ConstantRateLoad() {}

  /** Entry point; see the class documentation for the arguments. */
  public static void main(String[] args) throws Exception {
    if (args.length != 6) {
      System.err.println(
          "usage: ConstantRateLoad URL RATE WARMUP_SECONDS SECONDS BODY_FILE CA_PEM_FILE");
      System.exit(2);
    }
    URI url = URI.create(args[0]);
    int rate = Integer.parseInt(args[1]);
    int warmup = rate * Integer.parseInt(args[2]);
    int measured = rate * Integer.parseInt(args[3]);
    byte[] body = Files.readAllBytes(Path.of(args[4]));
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(ClientSslContexts.trusting(certificates(Path.of(args[5]))))
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();

    long[] samples = new long[measured];
    AtomicLong failed = new AtomicLong();
    List<CompletableFuture<?>> pending = new ArrayList<>(warmup + measured);
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
    for (int i = 0; i < warmup + measured; i++) {
      long scheduled = start + i * interval;
      long wait;
      while ((wait = scheduled - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      int sample = i - warmup;
      pending.add(
          client
              .sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
              .whenComplete(
                  (response, error) -> {
                    long latency = System.nanoTime() - scheduled;
                    if (error != null || response.statusCode() != 200) {
                      failed.incrementAndGet();
                    }
                    if (sample >= 0) {
                      samples[sample] = latency;
                    }
                  }));
    }
    long sendingEnded = System.nanoTime();
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
        .exceptionally(e -> null)
        .get(REQUEST_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS);
    Percentiles p = Percentiles.of(samples, measured);
    double seconds = (sendingEnded - start) / 1e9;
    System.out.printf(
        "RESULT {\"rate\":%d,\"achievedRate\":%.1f,\"measured\":%d,\"failed\":%d,"
            + "\"p50\":%d,\"p90\":%d,\"p99\":%d,\"p999\":%d,\"max\":%d}%n",
        rate,
        (warmup + measured) / seconds,
        p.count(),
        failed.get(),
        p.p50(),
        p.p90(),
        p.p99(),
        p.p999(),
        p.max());
  }

  private static List<X509Certificate> certificates(Path pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
          .map(X509Certificate.class::cast)
          .toList();
    }
  }
}
