/**
 * AdmissionReview v1 on the wire: {@link dev.harbormaster.host.review.AdmissionReviewParser} turns
 * request bytes into an SPI {@link dev.harbormaster.spi.Review} (or a precise 400), {@link
 * dev.harbormaster.host.review.AdmissionResponseWriter} writes the response.
 *
 * @see <a
 *     href="https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#request-and-response">AdmissionReview
 *     request and response</a>
 */
package dev.harbormaster.host.review;
