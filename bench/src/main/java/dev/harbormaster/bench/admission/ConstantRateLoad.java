package dev.harbormaster.bench.admission;

import dev.harbormaster.testkit.pki.ClientSslContexts;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLSocketFactory;

/**
 * A constant-rate load generator in the manner of wrk2 (which is not packaged): request {@code i}
 * is due at {@code start + i / rate}; a fixed number of {@link KeepAliveConnection}s (one worker
 * each) take the next due request, wait for its time, send it, and record its latency from the time
 * it was <em>due</em>. A server stall therefore counts against every request it delays (no
 * coordinated omission), and the number of connections stays bounded as with wrk.
 *
 * <p>Runs in its own JVM (started by {@link AdmissionBenchmark}) so that it does not share a heap
 * or a JIT with the servers. Prints the first failures and then one line: {@code RESULT <json>}.
 *
 * <pre>{@code
 * ConstantRateLoad URL RATE WARMUP_SECONDS SECONDS BODY_FILE CA_PEM_FILE [CONNECTIONS]
 * }</pre>
 */
public final class ConstantRateLoad {
  /** A request unanswered after this counts as failed. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private ConstantRateLoad() {}

  /** Entry point; see the class documentation for the arguments. */
  public static void main(String[] args) throws Exception {
    if (args.length < 6) {
      System.err.println(
          "usage: ConstantRateLoad URL RATE WARMUP_SECONDS SECONDS BODY_FILE CA_PEM_FILE"
              + " [CONNECTIONS]");
      System.exit(2);
    }
    URI url = URI.create(args[0]);
    int rate = Integer.parseInt(args[1]);
    int warmup = rate * Integer.parseInt(args[2]);
    int measured = rate * Integer.parseInt(args[3]);
    int connections = args.length > 6 ? Integer.parseInt(args[6]) : 32;
    byte[] body = Files.readAllBytes(Path.of(args[4]));
    SSLSocketFactory tls =
        ClientSslContexts.trusting(certificates(Path.of(args[5]))).getSocketFactory();
    byte[] request = KeepAliveConnection.postRequest(url, body);

    KeepAliveConnection[] pool = new KeepAliveConnection[connections];
    for (int c = 0; c < connections; c++) {
      pool[c] = new KeepAliveConnection(tls, url, (int) REQUEST_TIMEOUT.toMillis());
    }
    Map<String, Integer> failures = new ConcurrentHashMap<>();
    // The warm-up has its own schedule, and the measured phase starts afresh once it is over, so a
    // backlog built while the JITs warm up does not leak into the measurement.
    Phase.run(pool, request, rate, new long[warmup], failures);
    failures.clear();
    long[] samples = new long[measured];
    long started = System.nanoTime();
    long failed = Phase.run(pool, request, rate, samples, failures);
    double seconds = (System.nanoTime() - started) / 1e9;
    for (KeepAliveConnection connection : pool) {
      connection.close();
    }
    failures.forEach((what, count) -> System.out.println("FAILED " + count + "x " + what));
    Percentiles p = Percentiles.of(samples, measured);
    System.out.printf(
        "RESULT {\"rate\":%d,\"achievedRate\":%.1f,\"measured\":%d,\"failed\":%d,"
            + "\"p50\":%d,\"p90\":%d,\"p99\":%d,\"p999\":%d,\"max\":%d}%n",
        rate, measured / seconds, p.count(), failed, p.p50(), p.p90(), p.p99(), p.p999(), p.max());
  }

  /** One schedule: {@code samples.length} requests due at {@code rate} per second from now. */
  private static final class Phase {
    static long run(
        KeepAliveConnection[] pool,
        byte[] request,
        int rate,
        long[] samples,
        Map<String, Integer> failures)
        throws InterruptedException {
      AtomicInteger next = new AtomicInteger();
      AtomicLong failed = new AtomicLong();
      long interval = TimeUnit.SECONDS.toNanos(1) / rate;
      long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
      try (ExecutorService workers = Executors.newFixedThreadPool(pool.length)) {
        for (KeepAliveConnection connection : pool) {
          workers.submit(
              () -> {
                for (int i = next.getAndIncrement();
                    i < samples.length;
                    i = next.getAndIncrement()) {
                  long due = start + i * interval;
                  long wait;
                  while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                  }
                  String failure = send(connection, request);
                  samples[i] = System.nanoTime() - due;
                  if (failure != null) {
                    failed.incrementAndGet();
                    failures.merge(failure, 1, Integer::sum);
                  }
                }
              });
        }
      }
      return failed.get();
    }
  }

  /** Sends one request; returns why it failed, or null. */
  private static String send(KeepAliveConnection connection, byte[] request) {
    try {
      int status = connection.exchange(request);
      return status == 200 ? null : "HTTP " + status;
    } catch (IOException | RuntimeException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  private static List<X509Certificate> certificates(Path pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
          .map(X509Certificate.class::cast)
          .toList();
    }
  }
}
