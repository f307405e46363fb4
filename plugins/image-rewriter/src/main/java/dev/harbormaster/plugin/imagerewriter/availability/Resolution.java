package dev.harbormaster.plugin.imagerewriter.availability;

import dev.harbormaster.plugin.imagerewriter.rules.Candidate;
import java.util.List;

/** The mirror image chosen for one container, or why the original image is kept. */
public sealed interface Resolution
    permits Resolution.Chosen, Resolution.Missing, Resolution.Failed, Resolution.Unusable {

  /**
   * Rewrite to this target (its rule did not ask for a check, or the mirror has the image).
   *
   * @param target the mirror image
   */
  record Chosen(Candidate.Target target) implements Resolution {}

  /**
   * Every rule's mirror lacks the image.
   *
   * @param misses one entry per mirror asked: the rule, the image and what was missing
   */
  record Missing(List<String> misses) implements Resolution {
    /** Copies the list. */
    public Missing {
      misses = List.copyOf(misses);
    }
  }

  /**
   * A check failed (error, 429, timeout, time budget spent): the original image is kept without
   * trying further rules, since the mirror may well have the image.
   *
   * @param rule the rule whose check failed
   * @param reason what went wrong
   */
  record Failed(String rule, String reason) implements Resolution {}

  /**
   * No rule could produce a valid mirror reference.
   *
   * @param reasons one per rule
   */
  record Unusable(List<String> reasons) implements Resolution {
    /** Copies the list. */
    public Unusable {
      reasons = List.copyOf(reasons);
    }
  }
}
