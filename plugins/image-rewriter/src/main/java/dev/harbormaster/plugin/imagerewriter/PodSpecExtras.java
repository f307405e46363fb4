package dev.harbormaster.plugin.imagerewriter;

import dev.harbormaster.workload.ContainerImage;
import dev.harbormaster.workload.PodTemplate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The optional changes that go with a rewrite: an {@code imagePullPolicy} on each rewritten
 * container and {@code imagePullSecrets} for the mirror on the pod spec.
 *
 * @param pullPolicy the policy to set, if configured
 * @param pullSecrets the secret names to add, if not listed yet
 * @param ephemeralOnly true on {@code pods/ephemeralcontainers}, where pod spec changes other than
 *     ephemeral containers are not kept, so no secrets are added
 */
record PodSpecExtras(Optional<String> pullPolicy, List<String> pullSecrets, boolean ephemeralOnly) {

  /** Sets the pull policy of a rewritten container. */
  void applyTo(ContainerImage container) {
    pullPolicy.ifPresent(p -> container.container().put("imagePullPolicy", p));
  }

  /** Adds the pull secrets to the pod spec (once); a malformed list gets a warning. */
  void apply(PodTemplate template, Collection<String> rewritten, List<String> warnings) {
    if (pullSecrets.isEmpty() || ephemeralOnly || rewritten.isEmpty()) {
      return;
    }
    JsonNode existing = template.spec().get("imagePullSecrets");
    ArrayNode list;
    if (existing == null || existing.isNull()) {
      list = template.spec().putArray("imagePullSecrets");
    } else if (existing instanceof ArrayNode array) {
      list = array;
    } else {
      warnings.add("imagePullSecrets is not a list; mirror pull secrets not added");
      return;
    }
    for (String secret : pullSecrets) {
      boolean listed = false;
      for (JsonNode entry : list) {
        listed |= secret.equals(entry.path("name").asString(""));
      }
      if (!listed) {
        list.addObject().put("name", secret);
      }
    }
  }
}
