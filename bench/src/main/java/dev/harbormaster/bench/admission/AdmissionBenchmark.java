package dev.harbormaster.bench.admission;

import dev.harbormaster.host.config.ConfigLoader;
import dev.harbormaster.host.runtime.HostServer;
import dev.harbormaster.testkit.pki.KeyEncoding;
import dev.harbormaster.testkit.pki.KeyType;
import dev.harbormaster.testkit.pki.TestPki;
import dev.harbormaster.testkit.pki.TlsFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the host in-process (TLS, a mutating instance) and the {@link BareEndpoint} beside it,
 * checks that both answer the benchmark review, then measures both with wrk (alternating rounds)
 * and with {@link ConstantRateLoad}, and writes the report. See {@code bench/run-admission.sh}.
 */
public final class AdmissionBenchmark {
  private static final String RESOURCES = "/dev/harbormaster/bench/admission/";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private AdmissionBenchmark() {}

  /** Entry point: {@code --plugins DIR [--report FILE] [...]}, see {@link BenchOptions}. */
  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parse(args);
    Path work = Files.createTempDirectory("hm-bench-admission-");
    TestPki pki = TestPki.create(KeyType.EC_P256);
    TlsFiles tls = pki.writeServerFiles(work.resolve("tls"), KeyEncoding.PKCS8);
    Path config = work.resolve("config.yaml");
    Files.writeString(
        config,
        resource("bench-config.yaml")
            .replace("{{tls}}", work.resolve("tls").toString())
            .replace("{{plugins}}", options.plugins().toAbsolutePath().toString()));
    Path body = work.resolve("deployment-review.json");
    Files.writeString(body, resource("deployment-review.json"));
    HttpClient client = HttpClient.newBuilder().sslContext(pki.clientSslContext()).build();
    String loadAtStart = Files.readString(Path.of("/proc/loadavg")).strip();

    try (HostServer host = HostServer.start(ConfigLoader.load(config))) {
      URI hostUrl = URI.create("https://127.0.0.1:" + host.port() + "/mutate");
      if (!options.reviewLog()) {
        // Diagnostic variant: what the one log line per review costs.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("harbormaster.review"))
            .setLevel(ch.qos.logback.classic.Level.WARN);
      }
      byte[] answer = post(client, hostUrl, body);
      checkMutated(answer);
      try (BareEndpoint bare = BareEndpoint.start(tls.certFile(), tls.keyFile(), answer)) {
        URI bareUrl = URI.create("https://127.0.0.1:" + bare.port() + "/mutate");
        if (!Arrays.equals(post(client, bareUrl, body), answer)) {
          throw new IllegalStateException("the bare endpoint does not answer the host's bytes");
        }
        WrkRun wrk = WrkRun.posting(body, work, options.threads(), options.connections());
        log("warming up both targets with wrk for " + options.warmup().toSeconds() + " s each");
        wrk.run(bareUrl, options.warmup());
        wrk.run(hostUrl, options.warmup());
        List<WrkResult> bareRuns = new ArrayList<>();
        List<WrkResult> hostRuns = new ArrayList<>();
        for (int round = 1; round <= options.rounds(); round++) {
          bareRuns.add(wrk.run(bareUrl, options.duration()));
          hostRuns.add(wrk.run(hostUrl, options.duration()));
          log("round " + round + ": bare " + bareRuns.getLast() + ", host " + hostRuns.getLast());
        }
        RateResult bareRate = constantRate(options, bareUrl, body, tls.caFile());
        RateResult hostRate = constantRate(options, hostUrl, body, tls.caFile());
        String report =
            BenchReport.markdown(
                options,
                bareRuns,
                hostRuns,
                bareRate,
                hostRate,
                environment(body, options.reviewLog(), loadAtStart));
        Files.writeString(options.report(), report);
        log("report written to " + options.report().toAbsolutePath());
      }
    }
    System.exit(0);
  }

  private static RateResult constantRate(BenchOptions options, URI url, Path body, Path ca)
      throws IOException, InterruptedException {
    log("constant rate " + options.rate() + " req/s against " + url);
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Process process =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                ConstantRateLoad.class.getName(),
                url.toString(),
                Integer.toString(options.rate()),
                "5",
                Integer.toString(options.rateSeconds()),
                body.toString(),
                ca.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("load generator failed:\n" + output);
    }
    output.lines().filter(line -> line.startsWith("FAILED ")).forEach(AdmissionBenchmark::log);
    return RateResult.parse(output);
  }

  private static byte[] post(HttpClient client, URI url, Path body)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        client.send(
            HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofFile(body))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          url
              + " answered "
              + response.statusCode()
              + ": "
              + new String(response.body(), StandardCharsets.UTF_8));
    }
    return response.body();
  }

  /** The benchmark is only meaningful if the host really mutates: allowed, with a patch. */
  private static void checkMutated(byte[] answer) {
    JsonNode response = JSON.readTree(answer).path("response");
    if (!response.path("allowed").asBoolean(false) || !response.has("patch")) {
      throw new IllegalStateException(
          "the host did not mutate the benchmark review: "
              + new String(answer, StandardCharsets.UTF_8));
    }
  }

  private static String environment(Path body, boolean reviewLog, String loadAtStart)
      throws IOException {
    return "- machine: "
        + Runtime.getRuntime().availableProcessors()
        + " cores; load average (/proc/loadavg) at start "
        + loadAtStart
        + ", at the end "
        + Files.readString(Path.of("/proc/loadavg")).strip()
        + " (shared machine: other builds may run)\n"
        + "- JVM: "
        + System.getProperty("java.vm.name")
        + " "
        + System.getProperty("java.version")
        + ", servers and wrk on the same machine, loopback, TLS 1.3 (EC P-256 test certificate)\n"
        + "- review: AdmissionReview UPDATE of a Deployment, "
        + Files.size(body)
        + " bytes (3 containers, 1 init container, probes, env, managedFields)\n"
        + "- host: one mutating instance (it-stamp: adds an annotation), response carries a"
        + " JSON Patch; per-review log line "
        + (reviewLog ? "on (as shipped)" : "OFF (diagnostic run)")
        + "\n"
        + "- bare: same Javalin/Jetty and TLS setup, reads the body, answers the host's bytes\n";
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = AdmissionBenchmark.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCES + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void log(String message) {
    System.err.println("[admission-bench] " + message);
  }
}
