package dev.harbormaster.plugin.imagerewriter;

import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.oci.reference.InvalidReferenceException;
import dev.harbormaster.plugin.imagerewriter.availability.AvailabilityChecker;
import dev.harbormaster.plugin.imagerewriter.availability.Resolution;
import dev.harbormaster.plugin.imagerewriter.record.OriginalImages;
import dev.harbormaster.plugin.imagerewriter.rules.Candidate;
import dev.harbormaster.plugin.imagerewriter.rules.Rule;
import dev.harbormaster.plugin.imagerewriter.rules.RuleSet;
import dev.harbormaster.workload.ContainerImage;
import dev.harbormaster.workload.PodTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One pass of the rules over the selected containers of one object: classifies each image, resolves
 * the candidates (with existence checks where rules ask), rewrites in place and records the
 * originals. Collects warnings and, in {@code only-mirrored} mode, the images no mirror serves.
 */
final class RewritePass {
  private final RuleSet rules;
  private final AvailabilityChecker checker;
  private final RewriterMetrics metrics;
  private final PodSpecExtras extras;
  private final List<String> warnings = new ArrayList<>();
  private final List<String> unserved = new ArrayList<>();
  private final Map<String, String> rewritten = new LinkedHashMap<>();

  RewritePass(
      RuleSet rules, AvailabilityChecker checker, RewriterMetrics metrics, PodSpecExtras extras) {
    this.rules = rules;
    this.checker = checker;
    this.metrics = metrics;
    this.extras = extras;
  }

  /** Runs the pass; the template's tree is changed in place. */
  void run(PodTemplate template, List<ContainerImage> containers) throws InterruptedException {
    Map<ContainerImage, List<Candidate>> pending = new LinkedHashMap<>();
    for (ContainerImage c : containers) {
      classify(c).ifPresent(candidates -> pending.put(c, candidates));
    }
    if (pending.isEmpty()) {
      return;
    }
    Optional<OriginalImages> record = OriginalImages.read(template);
    if (record.isEmpty()) {
      warnings.add(
          "annotation "
              + OriginalImages.ANNOTATION
              + " is not a JSON object of strings; it is replaced");
    }
    OriginalImages originals = record.orElseGet(OriginalImages::empty);
    checker.resolve(pending).forEach((c, resolution) -> apply(c, resolution, originals));
    if (!rewritten.isEmpty()) {
      originals.writeTo(template);
      extras.apply(template, rewritten.keySet(), warnings);
    }
  }

  private Optional<List<Candidate>> classify(ContainerImage c) {
    ImageReference image;
    try {
      image = c.reference();
    } catch (InvalidReferenceException e) {
      warnings.add(c.describe() + ": " + e.getMessage() + "; left unchanged");
      unserved.add(c.describe() + " image \"" + c.image() + "\" (invalid reference)");
      metrics.image(RewriterMetrics.NO_RULE, Outcome.SKIPPED, "invalid");
      return Optional.empty();
    }
    if (image.isLoopback() || image.isLocal()) {
      metrics.image(RewriterMetrics.NO_RULE, Outcome.SKIPPED, "loopback");
      return Optional.empty();
    }
    Optional<Rule> mirroredBy = rules.mirroredBy(image);
    if (mirroredBy.isPresent()) {
      metrics.image(mirroredBy.get().name(), Outcome.SKIPPED, "already-mirrored");
      return Optional.empty();
    }
    List<Candidate> candidates = rules.candidates(image);
    if (candidates.isEmpty()) {
      unserved.add(c.describe() + " image \"" + c.image() + "\" (no rule matches)");
      metrics.image(RewriterMetrics.NO_RULE, Outcome.SKIPPED, "no-rule");
      return Optional.empty();
    }
    return Optional.of(candidates);
  }

  private void apply(ContainerImage c, Resolution resolution, OriginalImages originals) {
    String kept = c.describe() + ": kept image \"" + c.image() + "\"";
    switch (resolution) {
      case Resolution.Chosen chosen -> {
        Candidate.Target target = chosen.target();
        c.setImage(target.text());
        extras.applyTo(c);
        originals.put(c.name(), c.image());
        rewritten.put(c.name(), target.text());
        metrics.image(target.rule().name(), Outcome.REWRITTEN, RewriterMetrics.NO_REASON);
      }
      case Resolution.Missing missing -> {
        warnings.add(kept + ", no mirror has it: " + String.join("; ", missing.misses()));
        unserved.add(c.describe() + " image \"" + c.image() + "\" (not on any mirror)");
        metrics.image(RewriterMetrics.NO_RULE, Outcome.MISSING, RewriterMetrics.NO_REASON);
      }
      case Resolution.Failed failed -> {
        warnings.add(kept + ", mirror check failed (" + failed.rule() + "): " + failed.reason());
        unserved.add(c.describe() + " image \"" + c.image() + "\" (mirror check failed)");
        metrics.image(failed.rule(), Outcome.ERROR, RewriterMetrics.NO_REASON);
      }
      case Resolution.Unusable unusable -> {
        warnings.add(kept + ": " + String.join("; ", unusable.reasons()));
        unserved.add(c.describe() + " image \"" + c.image() + "\" (no valid mirror name)");
        metrics.image(RewriterMetrics.NO_RULE, Outcome.SKIPPED, "unusable");
      }
    }
  }

  List<String> warnings() {
    return warnings;
  }

  List<String> unserved() {
    return unserved;
  }

  /** Container name to new image, in container order. */
  Map<String, String> rewritten() {
    return rewritten;
  }
}
