package dev.harbormaster.bench.admission;

import dev.harbormaster.host.config.ConfigLoader;
import dev.harbormaster.host.config.LoadedConfig;
import dev.harbormaster.host.observability.LoggingSetup;
import dev.harbormaster.host.runtime.HostServer;
import dev.harbormaster.testkit.pki.KeyEncoding;
import dev.harbormaster.testkit.pki.KeyType;
import dev.harbormaster.testkit.pki.TestPki;
import dev.harbormaster.testkit.pki.TlsFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the host in-process (TLS, a mutating instance) and the {@link BareEndpoint} beside it,
 * checks that both answer the benchmark review, then measures both with wrk (alternating rounds)
 * and with {@link ConstantRateLoad}, and writes the report. Unless {@code --rewriter false}, the
 * same wrk rounds also measure the image-rewriter variants of issue 4 ({@link RewriterVariants}) on
 * a Deployment CREATE review. Unless {@code --populator false}, they also measure {@code /validate}
 * with and without a harbor-proxy-populator instance (issue 5, {@link PopulatorVariants}), and both
 * at the constant rate. See {@code bench/run-admission.sh}.
 */
public final class AdmissionBenchmark {

  private AdmissionBenchmark() {}

  /** Entry point: {@code --plugins DIR [--report FILE] [...]}, see {@link BenchOptions}. */
  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parse(args);
    Path work = Files.createTempDirectory("hm-bench-admission-");
    TestPki pki = TestPki.create(KeyType.EC_P256);
    TlsFiles tls = pki.writeServerFiles(work.resolve("tls"), KeyEncoding.PKCS8);
    String tlsDir = work.resolve("tls").toString();
    String pluginsDir = options.plugins().toAbsolutePath().toString();
    Path config = work.resolve("config.yaml");
    Files.writeString(config, fill(BenchResources.read("bench-config.yaml"), tlsDir, pluginsDir));
    Path body = work.resolve("deployment-review.json");
    Files.writeString(body, BenchResources.read("deployment-review.json"));
    ReviewClient client =
        new ReviewClient(HttpClient.newBuilder().sslContext(pki.clientSslContext()).build());
    String loadAtStart = Files.readString(Path.of("/proc/loadavg")).strip();

    LoadedConfig loaded = ConfigLoader.load(config);
    // Logging as `harbormaster serve` sets it up (asynchronous appender), so the per-review line
    // costs what it costs in production.
    LoggingSetup.configure(loaded.config().server().logFormat(), false);
    try (HostServer host = HostServer.start(loaded)) {
      URI hostUrl = URI.create("https://127.0.0.1:" + host.port() + "/mutate");
      if (!options.reviewLog()) {
        // Diagnostic variant: what the one log line per review costs.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("harbormaster.review"))
            .setLevel(ch.qos.logback.classic.Level.WARN);
      }
      byte[] answer = client.post(hostUrl, body);
      AnswerPatch.stringValues(answer);
      Optional<RewriterVariants> rewriter = Optional.empty();
      Optional<PopulatorVariants> populator = Optional.empty();
      try (BareEndpoint bare = BareEndpoint.start(tls.certFile(), tls.keyFile(), answer, false);
          BareEndpoint bareVt = BareEndpoint.start(tls.certFile(), tls.keyFile(), answer, true)) {
        URI bareUrl = URI.create("https://127.0.0.1:" + bare.port() + "/mutate");
        URI bareVtUrl = URI.create("https://127.0.0.1:" + bareVt.port() + "/mutate");
        for (URI url : List.of(bareUrl, bareVtUrl)) {
          if (!Arrays.equals(client.post(url, body), answer)) {
            throw new IllegalStateException("the bare endpoint does not answer the host's bytes");
          }
        }
        List<Target> targets = new ArrayList<>();
        targets.add(new Target("bare", bareUrl, body));
        targets.add(new Target("bare-vt", bareVtUrl, body));
        targets.add(new Target("host", hostUrl, body));
        if (options.rewriter()) {
          log("starting the image-rewriter variants and their mirror (docker-registry, skopeo)");
          String template = fill(BenchResources.read("rewriter-config.yaml"), tlsDir, pluginsDir);
          rewriter = Optional.of(RewriterVariants.start(work, tls, hostUrl, template, client));
          targets.addAll(rewriter.get().targets());
        }
        if (options.populator()) {
          log(
              "starting the harbor-proxy-populator hosts and their Harbor (docker-registry, skopeo)");
          String template = fill(BenchResources.read("populator-config.yaml"), tlsDir, pluginsDir);
          populator = Optional.of(PopulatorVariants.start(work, template, client));
          targets.addAll(populator.get().targets());
        }
        Map<String, List<WrkResult>> runs = AlternatingRounds.run(targets, options, work);
        StringBuilder report = new StringBuilder();
        if (rewriter.isPresent()) {
          RewriterVariants.HeadCount heads = rewriter.get().afterMeasuring(client);
          log("manifest HEADs while measuring: " + heads);
          report.append(
              RewriterReport.markdown(
                  runs, Files.size(rewriter.get().body()), heads, rewriter.get().mirrorHost()));
        }
        if (populator.isPresent()) {
          PopulatorVariants variants = populator.get();
          long gets = variants.manifestGetsWhileMeasuring(client);
          log("manifest GETs on the populator's Harbor while measuring: " + gets);
          List<Target> pair = variants.targets();
          PopulatorReport.Rates rates =
              new PopulatorReport.Rates(
                  constantRate(options, pair.get(0).url(), variants.body(), tls.caFile()),
                  constantRate(options, pair.get(1).url(), variants.body(), tls.caFile()));
          report.append(
              PopulatorReport.markdown(
                  runs,
                  Files.size(variants.body()),
                  variants.harborHost(),
                  gets,
                  Optional.of(rates)));
        }
        RateResult bareRate = constantRate(options, bareUrl, body, tls.caFile());
        RateResult hostRate = constantRate(options, hostUrl, body, tls.caFile());
        report.insert(
            0,
            BenchReport.markdown(
                options,
                runs.get("bare"),
                runs.get("bare-vt"),
                runs.get("host"),
                bareRate,
                hostRate,
                environment(body, options.reviewLog(), loadAtStart)));
        Files.writeString(options.report(), report);
        log("report written to " + options.report().toAbsolutePath());
      } finally {
        rewriter.ifPresent(RewriterVariants::close);
        populator.ifPresent(PopulatorVariants::close);
      }
    }
    System.exit(0);
  }

  private static String fill(String template, String tlsDir, String pluginsDir) {
    return template.replace("{{tls}}", tlsDir).replace("{{plugins}}", pluginsDir);
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
        + "- bare / bare-vt: same Javalin/Jetty and TLS setup on platform / virtual request threads"
        + " (the host uses virtual ones), reads the body, answers the host's bytes\n";
  }

  private static void log(String message) {
    System.err.println("[admission-bench] " + message);
  }
}
