package dev.harbormaster.prefetch.agent.node;

import dev.harbormaster.oci.auth.InvalidCredentialsException;
import dev.harbormaster.oci.auth.PullSecretKeyring;
import dev.harbormaster.prefetch.model.ImagePrefetch;
import dev.harbormaster.prefetch.model.ImagePrefetchSpec;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the {@code ImagePrefetch} objects of the agent's namespace into this node's pull intents:
 * only those whose node selector matches the node's labels; per image, the pull secrets of every
 * intent that names it (matched like kubelet by {@link PullSecretKeyring}); a fingerprint over the
 * intents' generations and the secrets' resource versions, so that a changed spec or secret clears
 * an {@code Error}.
 */
public final class IntentResolver {
  private static final Logger LOG = LoggerFactory.getLogger(IntentResolver.class);

  private IntentResolver() {}

  /**
   * This node's intents.
   *
   * @param nodeLabels the node's labels
   * @param prefetches every ImagePrefetch in the agent's namespace
   * @param secrets looks up a Secret of that namespace by name
   */
  public static List<PullIntent> resolve(
      Map<String, String> nodeLabels,
      Collection<ImagePrefetch> prefetches,
      Function<String, Optional<Secret>> secrets) {
    Map<String, Accumulated> byImage = new LinkedHashMap<>();
    for (ImagePrefetch p : prefetches) {
      ImagePrefetchSpec spec = p.getSpec();
      if (spec == null || !spec.selects(nodeLabels)) {
        continue;
      }
      Map<String, String> annotations =
          p.getMetadata().getAnnotations() == null ? Map.of() : p.getMetadata().getAnnotations();
      String generation =
          p.getMetadata().getName()
              + "@"
              + p.getMetadata().getGeneration()
              + "/"
              + annotations.getOrDefault(ImagePrefetch.RETRY_ANNOTATION, "");
      for (String image : spec.images()) {
        Accumulated a = byImage.computeIfAbsent(image, i -> new Accumulated());
        a.prefetches.add(generation);
        a.secrets.addAll(spec.pullSecrets());
        if (a.runtimeHandler.isEmpty()) {
          a.runtimeHandler = spec.runtimeHandler();
        }
      }
    }
    List<PullIntent> intents = new ArrayList<>();
    byImage.forEach((image, a) -> intents.add(a.toIntent(image, secrets)));
    return intents;
  }

  private static final class Accumulated {
    final TreeSet<String> prefetches = new TreeSet<>();
    final TreeSet<String> secrets = new TreeSet<>();
    String runtimeHandler = "";

    PullIntent toIntent(String image, Function<String, Optional<Secret>> lookup) {
      PullSecretKeyring.Builder keyring = PullSecretKeyring.builder();
      StringBuilder print = new StringBuilder(String.join(",", prefetches)).append('|');
      print.append(runtimeHandler).append('|');
      for (String name : secrets) {
        Optional<Secret> secret = lookup.apply(name);
        print.append(name).append('@');
        if (secret.isEmpty()) {
          print.append("missing,");
          continue;
        }
        Secret s = secret.get();
        print.append(s.getMetadata().getResourceVersion()).append(',');
        try {
          keyring.addPullSecret(
              s.getMetadata().getNamespace() + "/" + name,
              s.getType() == null ? "" : s.getType(),
              s.getData() == null ? Map.of() : s.getData());
        } catch (InvalidCredentialsException e) {
          LOG.warn("pull secret {} is ignored for {}: {}", name, image, e.getMessage());
        }
      }
      return new PullIntent(image, keyring.build(), runtimeHandler, sha256(print.toString()));
    }
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
