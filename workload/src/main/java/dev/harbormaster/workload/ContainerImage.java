package dev.harbormaster.workload;

import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.oci.reference.InvalidReferenceException;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.node.ObjectNode;

/**
 * One container of a pod spec and its image, as found in the raw object tree.
 *
 * <p>{@link #container()} is the live container node of the tree it was found in, so {@link
 * #setImage} changes that tree in place (in mutating scope the review's working copy, which the
 * host diffs into a JSON Patch). Every other field of the container is left as it is.
 *
 * @param kind the list holding the container
 * @param index the position in that list
 * @param name the container name ({@code ""} when missing)
 * @param image the image as written ({@code ""} when missing or not a string)
 * @param container the live container node
 * @param pointer the JSON Pointer (RFC 6901) of the container within the object, e.g. {@code
 *     /spec/template/spec/initContainers/0}
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6901">RFC 6901</a>
 */
public record ContainerImage(
    ContainerKind kind,
    int index,
    String name,
    String image,
    ObjectNode container,
    JsonPointer pointer) {

  /** Rejects nulls and negative indexes. */
  public ContainerImage {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(pointer, "pointer");
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, got " + index);
    }
  }

  /** The JSON Pointer of the {@code image} field, e.g. {@code /spec/containers/1/image}. */
  public JsonPointer imagePointer() {
    return pointer.appendProperty("image");
  }

  /**
   * Parses {@link #image()} with the shared normalising parser.
   *
   * @throws InvalidReferenceException naming the image and the rule it breaks (also for a missing
   *     image)
   */
  public ImageReference reference() {
    return ImageReference.parse(image);
  }

  /** {@link #reference()}, or empty when the image is missing or not a valid reference. */
  public Optional<ImageReference> tryReference() {
    return ImageReference.tryParse(image);
  }

  /**
   * Sets the container's {@code image} field in the live tree. This record keeps the image it was
   * found with; find the containers again to see the new one.
   */
  public void setImage(String newImage) {
    container.put("image", Objects.requireNonNull(newImage, "newImage"));
  }

  /** {@code container "web"}, {@code initContainer "setup"}, {@code ephemeralContainer "dbg"}. */
  public String describe() {
    return kind.singular() + " \"" + name + "\"";
  }
}
