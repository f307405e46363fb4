package dev.harbormaster.spi;

/**
 * The operation of an admission request ({@code request.operation}).
 *
 * @see <a
 *     href="https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#request">AdmissionReview
 *     request</a>
 */
public enum Operation {
  /** An object is created. */
  CREATE,
  /** An object (or a subresource such as {@code pods/ephemeralcontainers}) is updated. */
  UPDATE,
  /** An object is deleted; the review carries {@code oldObject} and no {@code object}. */
  DELETE,
  /** A connect request ({@code pods/exec}, {@code pods/portforward}, ...). */
  CONNECT
}
