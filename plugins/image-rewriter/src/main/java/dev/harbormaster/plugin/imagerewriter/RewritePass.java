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
import java.util.SortedMap;
import java.util.TreeMap;

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
  // Keyed by container position (-1: the object), so messages follow the pod spec's order.
  private final SortedMap<Integer, List<String>> warnings = new TreeMap<>();
  private final SortedMap<Integer, List<String>> unserved = new TreeMap<>();
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
    // Keyed by position, not by container: a container's node changes when its image is set.
    Map<Integer, List<Candidate>> pending = new LinkedHashMap<>();
    for (int i = 0; i < containers.size(); i++) {
      int position = i;
      classify(position, containers.get(i))
          .ifPresent(candidates -> pending.put(position, candidates));
    }
    if (pending.isEmpty()) {
      return;
    }
    Optional<OriginalImages> record = OriginalImages.read(template);
    if (record.isEmpty()) {
      note(
          warnings,
          -1,
          "annotation "
              + OriginalImages.ANNOTATION
              + " is not a JSON object of strings; it is replaced");
    }
    OriginalImages originals = record.orElseGet(OriginalImages::empty);
    checker
        .resolve(pending)
        .forEach(
            (position, resolution) ->
                apply(position, containers.get(position), resolution, originals));
    if (!rewritten.isEmpty()) {
      originals.writeTo(template);
      List<String> extraWarnings = new ArrayList<>();
      extras.apply(template, rewritten.keySet(), extraWarnings);
      extraWarnings.forEach(w -> note(warnings, -1, w));
    }
  }

  private Optional<List<Candidate>> classify(int position, ContainerImage c) {
    ImageReference image;
    try {
      image = c.reference();
    } catch (InvalidReferenceException e) {
      note(warnings, position, c.describe() + ": " + e.getMessage() + "; left unchanged");
      note(unserved, position, c.describe() + " image \"" + c.image() + "\" (invalid reference)");
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
      note(unserved, position, c.describe() + " image \"" + c.image() + "\" (no rule matches)");
      metrics.image(RewriterMetrics.NO_RULE, Outcome.SKIPPED, "no-rule");
      return Optional.empty();
    }
    return Optional.of(candidates);
  }

  private void apply(
      int position, ContainerImage c, Resolution resolution, OriginalImages originals) {
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
        note(
            warnings,
            position,
            kept + ", no mirror has it: " + String.join("; ", missing.misses()));
        note(unserved, position, c.describe() + " image \"" + c.image() + "\" (not on any mirror)");
        metrics.image(RewriterMetrics.NO_RULE, Outcome.MISSING, RewriterMetrics.NO_REASON);
      }
      case Resolution.Failed failed -> {
        note(
            warnings,
            position,
            kept + ", mirror check failed (" + failed.rule() + "): " + failed.reason());
        note(
            unserved,
            position,
            c.describe() + " image \"" + c.image() + "\" (mirror check failed)");
        metrics.image(failed.rule(), Outcome.ERROR, RewriterMetrics.NO_REASON);
      }
      case Resolution.Unusable unusable -> {
        note(warnings, position, kept + ": " + String.join("; ", unusable.reasons()));
        note(
            unserved,
            position,
            c.describe() + " image \"" + c.image() + "\" (no valid mirror name)");
        metrics.image(RewriterMetrics.NO_RULE, Outcome.SKIPPED, "unusable");
      }
    }
  }

  /** Warnings, in container order. */
  List<String> warnings() {
    return flatten(warnings);
  }

  /** Images no mirror serves, in container order. */
  List<String> unserved() {
    return flatten(unserved);
  }

  private static void note(SortedMap<Integer, List<String>> notes, int position, String text) {
    notes.computeIfAbsent(position, p -> new ArrayList<>()).add(text);
  }

  private static List<String> flatten(SortedMap<Integer, List<String>> notes) {
    return notes.values().stream().flatMap(List::stream).toList();
  }

  /** Container name to new image, in container order. */
  Map<String, String> rewritten() {
    return rewritten;
  }
}
