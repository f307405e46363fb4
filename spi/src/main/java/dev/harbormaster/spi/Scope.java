package dev.harbormaster.spi;

/**
 * Where an instance runs in the admission pipeline.
 *
 * @see <a
 *     href="https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#what-are-admission-webhooks">admission
 *     webhooks</a>
 */
public enum Scope {
  /**
   * Served on {@code /mutate}: instances run one after another, in config order, on one shared
   * working copy of the object; the host turns the changes into one JSON Patch.
   */
  MUTATING,
  /**
   * Served on {@code /validate}: instances run concurrently, each on its own copy of the object
   * (changes are discarded); any deny denies the review.
   */
  VALIDATING
}
