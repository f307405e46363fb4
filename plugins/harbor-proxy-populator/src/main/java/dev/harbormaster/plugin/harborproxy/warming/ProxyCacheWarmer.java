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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;

/**
 * Pulls one image through a Harbor proxy project so that Harbor caches it (see {@code
 * notes/harbor-proxy-cache.md}): {@code GET} the manifest with the full {@code Accept} list; for an
 * index, {@code GET} the configured platforms' manifests (variant-aware, {@link Platform#matches})
 * and report the platforms it lacks; in {@link WarmMode#FULL} also {@code GET} every config and
 * layer blob, streamed, digest-verified and discarded; with {@code verify}, {@code HEAD} each blob
 * afterwards (Harbor answers from local storage only). Blobs of one image are downloaded a few at a
 * time ({@code blobConcurrency}), each distinct blob once. A {@code HEAD} of a manifest would cache
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
  private final int blobConcurrency;

  /**
   * A warmer using {@code client} (allowed to reach Harbor only).
   *
   * @param blobConcurrency blobs of one image downloaded at once in {@link WarmMode#FULL}
   */
  public ProxyCacheWarmer(
      RegistryClient client,
      List<Platform> platforms,
      WarmMode mode,
      boolean verify,
      int blobConcurrency) {
    if (blobConcurrency < 1) {
      throw new IllegalArgumentException(
          "blobConcurrency must be at least 1, got " + blobConcurrency);
    }
    this.client = client;
    this.platforms = List.copyOf(platforms);
    this.mode = mode;
    this.verify = verify;
    this.blobConcurrency = blobConcurrency;
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
  public WarmReport warm(WarmTarget target, Predicate<String> claimDigest)
      throws IOException, InterruptedException {
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
      drainAll(ref, blobs.keySet(), tally);
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

  /**
   * Downloads {@code digests}, at most {@code blobConcurrency} at once (virtual threads); the first
   * failure cancels the others and is thrown.
   */
  private void drainAll(ImageReference ref, Collection<Digest> digests, Tally tally)
      throws IOException, InterruptedException {
    if (blobConcurrency == 1 || digests.size() < 2) {
      for (Digest d : digests) {
        tally.blob(drain(ref, d));
      }
      return;
    }
    Semaphore permits = new Semaphore(blobConcurrency);
    ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    try {
      List<Future<Long>> downloads = new ArrayList<>();
      for (Digest d : digests) {
        downloads.add(
            pool.submit(
                () -> {
                  permits.acquire();
                  try {
                    return drain(ref, d);
                  } finally {
                    permits.release();
                  }
                }));
      }
      for (Future<Long> f : downloads) {
        tally.blob(f.get());
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof InterruptedException ie) {
        throw ie;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException(cause);
    } finally {
      pool.shutdownNow(); // interrupts the downloads still running after a failure
    }
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
