package dev.harbormaster.plugin.imagerewriter.rules;

import dev.harbormaster.oci.reference.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ordered rules of one instance. The first rule that takes an image wins; the later ones are
 * fallbacks, tried when an availability check finds the image missing on an earlier mirror.
 *
 * <p>Rewriting is idempotent ({@code notes/image-references.md}, rule 11): an image that already
 * lives below any rule's mirror is never rewritten again, even when a rule's {@code match} would
 * take the mirror too.
 *
 * @param rules the rules in config order
 */
public record RuleSet(List<Rule> rules) {

  /** Copies the list. */
  public RuleSet {
    rules = List.copyOf(rules);
  }

  /** The first rule whose mirror already holds {@code image} (it was rewritten before). */
  public Optional<Rule> mirroredBy(ImageReference image) {
    return rules.stream().filter(r -> r.mirrors(image)).findFirst();
  }

  /**
   * What every rule that takes {@code image} offers, in rule order; empty when no rule takes it.
   * Does not check {@link #mirroredBy} (ask first).
   */
  public List<Candidate> candidates(ImageReference image) {
    List<Candidate> result = new ArrayList<>();
    for (Rule rule : rules) {
      if (!rule.takes(image)) {
        continue;
      }
      try {
        result.add(new Candidate.Target(rule, rule.target(image)));
      } catch (IllegalArgumentException e) {
        result.add(new Candidate.Unusable(rule, e.getMessage()));
      }
    }
    return result;
  }
}
