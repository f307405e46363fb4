package dev.harbormaster.plugin.imagerewriter;

import dev.harbormaster.oci.registry.RegistryClient;
import dev.harbormaster.oci.registry.RegistryClientBuilder;
import dev.harbormaster.plugin.imagerewriter.availability.AvailabilityChecker;
import dev.harbormaster.plugin.imagerewriter.availability.ProbeCache;
import dev.harbormaster.plugin.imagerewriter.availability.RegistryManifestProbe;
import dev.harbormaster.plugin.imagerewriter.rules.Rule;
import dev.harbormaster.plugin.imagerewriter.rules.RuleSet;
import dev.harbormaster.spi.AdmissionHandler;
import dev.harbormaster.spi.AdmissionPlugin;
import dev.harbormaster.spi.ConfigProblem;
import dev.harbormaster.spi.Decision;
import dev.harbormaster.spi.PluginContext;
import dev.harbormaster.spi.Review;
import dev.harbormaster.spi.Scope;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.pf4j.Extension;

/**
 * The {@code image-rewriter} plugin: rewrites pod images to local mirrors and pull-through caches,
 * with optional existence checks on the mirror, in {@code rewrite} or {@code only-mirrored} mode
 * (issue 4; user documentation in {@code docs/plugins/image-rewriter.md}).
 *
 * <pre>{@code
 * instances:
 *   - name: rewrite-to-harbor
 *     plugin: image-rewriter
 *     scope: mutating
 *     match: { kinds: [Pod], operations: [CREATE, UPDATE] }
 *     config:
 *       rules:
 *         - match: docker.io
 *           mirror: harbor.example.com/dockerhub-proxy
 *         - match: quay.io/prometheus
 *           mirror: registry.local/quay-prometheus
 * }</pre>
 */
@Extension
public final class ImageRewriterPlugin implements AdmissionPlugin<ImageRewriterConfig> {
  private static final Duration STATUS_PERIOD = Duration.ofSeconds(15);

  /** Needed by PF4J, which instantiates extensions reflectively. */
  public ImageRewriterPlugin() {}

  @Override
  public Class<ImageRewriterConfig> configType() {
    return ImageRewriterConfig.class;
  }

  /**
   * Mutating (rewrite, and deny in {@code only-mirrored}); validating for {@code only-mirrored}.
   */
  @Override
  public Set<Scope> scopes() {
    return Set.of(Scope.MUTATING, Scope.VALIDATING);
  }

  @Override
  public List<ConfigProblem> validate(ImageRewriterConfig config) {
    return config.problems();
  }

  /**
   * Starts one instance.
   *
   * @throws IllegalArgumentException for a validating instance in {@code rewrite} mode, which could
   *     only ever allow (its changes are discarded)
   */
  @Override
  public AdmissionHandler start(ImageRewriterConfig config, PluginContext context) {
    if (context.scope() == Scope.VALIDATING && config.effectiveMode() != Mode.ONLY_MIRRORED) {
      throw new IllegalArgumentException(
          "instance "
              + context.instanceName()
              + ": scope validating needs config.mode: only-mirrored (a validating instance"
              + " cannot rewrite; use scope mutating to rewrite)");
    }
    RuleSet rules = config.ruleSet();
    AvailabilityConfig a = config.availability();
    RewriterMetrics metrics = new RewriterMetrics(context.meterRegistry(), context.meterTags());
    ProbeCache cache =
        new ProbeCache(a.positiveTtl(), a.negativeTtl(), a.maxCacheEntries(), Clock.systemUTC());
    ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor();
    AvailabilityChecker checker =
        new AvailabilityChecker(
            new RegistryManifestProbe(client(rules, a, context)),
            cache,
            probes,
            a.timeBudget(),
            metrics);
    ImageRewriter rewriter = new ImageRewriter(config, checker, metrics);
    Runnable publish =
        () ->
            context
                .status()
                .publish(
                    new RewriterStatus(
                        config.effectiveMode().configName(),
                        config.rewriteTemplates(),
                        RewriterStatus.rules(rules),
                        cache.size(),
                        metrics.snapshot()));
    publish.run();
    ScheduledFuture<?> statusTask =
        context
            .scheduler()
            .scheduleAtFixedRate(
                publish, STATUS_PERIOD.toMillis(), STATUS_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    return new AdmissionHandler() {
      @Override
      public Decision review(Review review) throws InterruptedException {
        return rewriter.review(review);
      }

      @Override
      public void stop(Duration deadline) throws InterruptedException {
        statusTask.cancel(false);
        publish.run();
        probes.shutdownNow();
        probes.awaitTermination(deadline.toMillis(), TimeUnit.MILLISECONDS);
      }
    };
  }

  /**
   * A client that may reach only the mirrors of checking rules, anonymously, with one attempt and
   * the request timeout per call: on the admission path a slow or throttling mirror means "keep the
   * original", never a wait.
   */
  private static RegistryClient client(RuleSet rules, AvailabilityConfig a, PluginContext context) {
    Set<String> mirrors = new LinkedHashSet<>();
    rules.rules().stream()
        .filter(Rule::checkAvailability)
        .forEach(r -> mirrors.add(r.mirror().registry()));
    RegistryClientBuilder builder =
        RegistryClient.builder()
            .allowHosts(mirrors.isEmpty() ? List.of("mirror.invalid") : List.copyOf(mirrors))
            .insecureHosts(a.insecureRegistries())
            .timeouts(a.requestTimeout(), a.requestTimeout())
            .callTimeout(a.requestTimeout())
            .maxRetryAfter(Duration.ZERO)
            .userAgent("harbormaster-image-rewriter/" + context.instanceName());
    a.caFile().ifPresent(f -> builder.caBundle(context.configDirectory().resolve(f)));
    return builder.build().withLimits(a.requestTimeout(), 1);
  }
}
