/**
 * A lazy JSON tree over the bytes of an AdmissionReview: Jackson {@code ObjectNode}s and {@code
 * ArrayNode}s whose children are read from the body on first access, so that an instance that only
 * looks at {@code metadata} does not pay for turning a whole Deployment into a tree. The body is
 * validated once, in full, before any node exists; nodes behave exactly like trees from {@code
 * readTree} (same children, order, number and string nodes; mutable; last duplicate key wins).
 */
package dev.harbormaster.host.review.lazy;
