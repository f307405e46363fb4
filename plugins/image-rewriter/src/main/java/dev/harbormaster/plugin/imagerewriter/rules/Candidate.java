package dev.harbormaster.plugin.imagerewriter.rules;

import dev.harbormaster.oci.reference.ImageReference;

/** What one rule that takes an image offers for it: a mirror image, or why it cannot. */
public sealed interface Candidate permits Candidate.Target, Candidate.Unusable {

  /** The rule. */
  Rule rule();

  /**
   * A mirror image.
   *
   * @param rule the rule
   * @param image the rewritten reference
   */
  record Target(Rule rule, ImageReference image) implements Candidate {
    /**
     * The text written into the pod spec: the shortest equivalent form, which keeps an implicit
     * {@code latest} implicit (the API server already defaulted {@code imagePullPolicy} from it)
     * and the tag and digest as written.
     */
    public String text() {
      return image.familiar();
    }
  }

  /**
   * The rule takes the image but cannot rewrite it.
   *
   * @param rule the rule
   * @param reason why, e.g. the rewritten name would exceed 255 characters
   */
  record Unusable(Rule rule, String reason) implements Candidate {}
}
