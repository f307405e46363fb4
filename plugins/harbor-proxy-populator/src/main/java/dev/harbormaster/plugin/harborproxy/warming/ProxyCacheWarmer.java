package dev.harbormaster.plugin.harborproxy.warming;

import dev.harbormaster.oci.digest.Digest;
import dev.harbormaster.oci.manifest.Descriptor;
import dev.harbormaster.oci.manifest.ImageIndex;
import dev.harbormaster.oci.manifest.ImageManifest;
import dev.harbormaster.oci.manifest.Manifest;
import dev.harbormaster.oci.manifest.ManifestBytes;
import dev.harbormaster.oci.platform.Platform;
import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.oci.registry.RegistryClient;
import dev.harbormaster.plugin.harborproxy.config.WarmMode;
import dev.harbormaster.plugin.harborproxy.mapping.WarmTarget;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Pulls one image through a Harbor proxy project so that Harbor caches it (see {@code
 * notes/harbor-proxy-cache.md}): {@code GET} the manifest with the full {@code Accept} list; for an
 * index, {@code GET} the configured platforms' manifests (variant-aware, {@link Platform#matches})
 * and report the platforms it lacks; in {@link WarmMode#FULL} also {@code GET} every config and
 * layer blob, streamed, digest-verified and discarded; with {@code verify}, {@code HEAD} each blob
 * afterwards (Harbor answers from local storage only). A {@code HEAD} of a manifest would cache
 * nothing, so none is sent.
 */
public final class ProxyCacheWarmer implements ImageWarmer {
  /** No configured platform is in the index: nothing but the index could be warmed. */
  public static final class NoPlatformException extends IOException {
    private static final long serialVersionUID = 1L;

    NoPlatformException(String message) {
      super(message);
    }
  }

  private final RegistryClient client;
  private final List<Platform> platforms;
  private final WarmMode mode;
  private final boolean verify;

  /** A warmer using {@code client} (allowed to reach Harbor only). */
  public ProxyCacheWarmer(
      RegistryClient client, List<Platform> platforms, WarmMode mode, boolean verify) {
    this.client = client;
    this.platforms = List.copyOf(platforms);
    this.mode = mode;
    this.verify = verify;
  }

  /**
   * Warms {@code target}.
   *
   * @param claimDigest claims the resolved digest's key for this warm; false means another warm
   *     owns it, and this one stops after the first manifest
   * @throws IOException registry failures ({@code RegistryException} subclasses), digest
   *     mismatches, {@link NoPlatformException}
   */
  @Override
  public WarmReport warm(WarmTarget target, Predicate<String> claimDigest) throws IOException {
    ImageReference ref = target.harbor();
    Tally tally = new Tally();
    ManifestBytes top = tally.manifest(client.getManifest(ref));
    String digest = top.digest().toString();
    if (ref.digest().isEmpty() && !claimDigest.test(WarmTarget.digestKey(ref, digest))) {
      return tally.report(
          Optional.of(digest), top.isIndex(), List.of(), List.of(), List.of(), true);
    }
    List<String> warmed = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    Map<Digest, Descriptor> blobs = new LinkedHashMap<>();
    Manifest parsed = top.parse();
    if (parsed instanceof ImageIndex index) {
      for (Platform p : platforms) {
        Optional<Descriptor> child = index.select(p);
        if (child.isEmpty()) {
          missing.add(p.toString());
          continue;
        }
        ManifestBytes m = tally.manifest(client.getManifest(ref.withDigest(child.get().digest())));
        warmed.add(child.get().platform().map(Platform::toString).orElse(p.toString()));
        if (m.parse() instanceof ImageManifest image) {
          image.distributableBlobs().forEach(b -> blobs.putIfAbsent(b.digest(), b));
        }
      }
      if (warmed.isEmpty() && !platforms.isEmpty()) {
        throw new NoPlatformException(
            ref
                + ": the index has none of the configured platforms "
                + platforms
                + "; it offers "
                + index.platforms());
      }
    } else if (parsed instanceof ImageManifest image) {
      image.distributableBlobs().forEach(b -> blobs.putIfAbsent(b.digest(), b));
    }
    if (mode == WarmMode.FULL) {
      for (Descriptor blob : blobs.values()) {
        tally.blob(drain(ref, blob.digest()));
      }
    }
    List<String> unverified = new ArrayList<>();
    if (verify) {
      for (Digest d : blobs.keySet()) {
        if (client.headBlob(ref.repositoryName(), d).isEmpty()) {
          unverified.add(d.toString());
        }
      }
    }
    return tally.report(Optional.of(digest), top.isIndex(), warmed, missing, unverified, false);
  }

  /** Streams a blob to nowhere; the client's stream verifies the digest at its end. */
  private long drain(ImageReference ref, Digest digest) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (InputStream in = client.getBlob(ref.repositoryName(), digest)) {
      int n;
      while ((n = in.read(buffer)) != -1) {
        total += n;
      }
    }
    return total;
  }

  private static final class Tally {
    int manifests;
    int blobs;
    long bytes;

    ManifestBytes manifest(ManifestBytes m) {
      manifests++;
      bytes += m.size();
      return m;
    }

    void blob(long size) {
      blobs++;
      bytes += size;
    }

    WarmReport report(
        Optional<String> digest,
        boolean index,
        List<String> warmed,
        List<String> missing,
        List<String> unverified,
        boolean alreadyWarm) {
      return new WarmReport(
          digest, index, warmed, missing, manifests, blobs, bytes, unverified, alreadyWarm);
    }
  }
}
