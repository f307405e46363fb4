package dev.harbormaster.plugin.imagerewriter;

import dev.harbormaster.plugin.imagerewriter.availability.AvailabilityChecker;
import dev.harbormaster.plugin.imagerewriter.rules.RuleSet;
import dev.harbormaster.spi.AdmissionHandler;
import dev.harbormaster.spi.Decision;
import dev.harbormaster.spi.Operation;
import dev.harbormaster.spi.Review;
import dev.harbormaster.workload.ImageCachingPolicy;
import dev.harbormaster.workload.MirrorPods;
import dev.harbormaster.workload.PodTemplate;
import dev.harbormaster.workload.WorkloadKind;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The handler of one {@code image-rewriter} instance: rewrites the images of a Pod (or, when
 * enabled, of a workload's pod template) to mirrors in place, records the originals, and in {@code
 * only-mirrored} mode denies what no mirror serves.
 *
 * <p>Dry run needs nothing special here: the checks are reads, and for an instance in audit mode
 * ({@code dryRun: true}) the host turns the patch this computes and a deny into warnings and audit
 * annotations. Thread-safe: each review gets its own {@link RewritePass}.
 *
 * @see <a
 *     href="https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#reinvocation-policy">reinvocation
 *     policy</a> (rewriting is idempotent, so {@code IfNeeded} is safe)
 */
final class ImageRewriter implements AdmissionHandler {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final RuleSet rules;
  private final Mode mode;
  private final boolean rewriteTemplates;
  private final Optional<String> pullPolicy;
  private final List<String> pullSecrets;
  private final AvailabilityChecker checker;
  private final RewriterMetrics metrics;

  ImageRewriter(ImageRewriterConfig config, AvailabilityChecker checker, RewriterMetrics metrics) {
    this.rules = config.ruleSet();
    this.mode = config.effectiveMode();
    this.rewriteTemplates = config.rewriteTemplates();
    this.pullPolicy = config.imagePullPolicy();
    this.pullSecrets = config.imagePullSecrets();
    this.checker = checker;
    this.metrics = metrics;
  }

  @Override
  public Decision review(Review review) throws InterruptedException {
    Optional<WorkloadKind> kind = WorkloadKind.of(review.kind().kind());
    boolean writes =
        review.operation() == Operation.CREATE || review.operation() == Operation.UPDATE;
    if (!writes || kind.isEmpty() || review.object().isEmpty()) {
      return Decision.allow();
    }
    if (!kind.get().isPod() && !rewriteTemplates) {
      return Decision.allow();
    }
    ObjectNode object = review.object().get();
    if (ImageCachingPolicy.isIgnored(kind.get().kind(), object)) {
      metrics.image(RewriterMetrics.NO_RULE, Outcome.SKIPPED, "opt-out");
      return Decision.allow();
    }
    if (kind.get().isPod() && MirrorPods.isMirrorPod(object)) {
      metrics.image(RewriterMetrics.NO_RULE, Outcome.SKIPPED, "mirror-pod");
      return Decision.allow();
    }
    Optional<PodTemplate> template = PodTemplate.find(kind.get(), object);
    if (template.isEmpty()) {
      return Decision.allow();
    }
    boolean ephemeral = review.subResource().filter("ephemeralcontainers"::equals).isPresent();
    RewritePass pass =
        new RewritePass(
            rules, checker, metrics, new PodSpecExtras(pullPolicy, pullSecrets, ephemeral));
    pass.run(template.get(), ContainerSelection.select(review, template.get()));
    return decide(review, pass);
  }

  private Decision decide(Review review, RewritePass pass) {
    Decision decision = Decision.allow();
    if (mode == Mode.ONLY_MIRRORED && !pass.unserved().isEmpty()) {
      pass.unserved()
          .forEach(u -> metrics.image(RewriterMetrics.NO_RULE, Outcome.DENIED, "unserved"));
      decision =
          Decision.deny(
              403,
              review.kind().kind()
                  + " "
                  + review.displayName()
                  + ": only mirrored images are allowed, and no mirror serves "
                  + String.join("; ", pass.unserved()));
    }
    for (String warning : pass.warnings()) {
      decision = decision.withWarning(warning);
    }
    if (!pass.rewritten().isEmpty()) {
      ObjectNode images = JSON.createObjectNode();
      new java.util.TreeMap<>(pass.rewritten()).forEach(images::put);
      decision = decision.withAuditAnnotation("rewritten-images", JSON.writeValueAsString(images));
    }
    return decision;
  }
}
