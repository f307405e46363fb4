package dev.harbormaster.host.review;

/** The request body is not a well-formed AdmissionReview v1; answered with HTTP 400. */
public final class BadReviewException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong, naming the field and the value
   */
  public BadReviewException(String message) {
    super(message);
  }
}
