package dev.harbormaster.oci.copy;

import dev.harbormaster.oci.digest.Digest;
import dev.harbormaster.oci.manifest.Descriptor;
import dev.harbormaster.oci.manifest.ImageIndex;
import dev.harbormaster.oci.manifest.ImageManifest;
import dev.harbormaster.oci.manifest.IndexFilter;
import dev.harbormaster.oci.manifest.Manifest;
import dev.harbormaster.oci.manifest.ManifestBytes;
import dev.harbormaster.oci.platform.Platform;
import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.oci.reference.RepositoryName;
import dev.harbormaster.oci.registry.ManifestInfo;
import dev.harbormaster.oci.registry.RegistryClient;
import dev.harbormaster.oci.registry.RegistryException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Copies an image (one manifest, or an index with every child) between repositories or registries
 * so that the target is byte-identical: the original manifest bytes are pushed, so every digest
 * (including the index digest) is kept.
 *
 * <p>The copy is a graph walk in push order: blobs (target {@code HEAD} 200 → skip; same registry →
 * mount; else streamed from source to target, digest-verified on the way), then child manifests by
 * digest, then the top manifest under the tag, last. When the target tag already has the source
 * digest (two {@code HEAD}s) nothing else is done. Blobs and manifests are copied in parallel (at
 * most {@code parallelism} blob transfers at once), and one digest is copied once at a time even
 * across concurrent {@link #copy} calls of this copier.
 *
 * <p>With {@link Builder#platforms} only the matching index entries are copied and a NEW index is
 * pushed: its digest differs from the source's, so references by the source digest do not resolve
 * in the target. Attestation entries are dropped with their platforms only if filtering.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#push">distribution
 *     spec: push</a>
 */
public final class ImageCopier {
  private static final int BLOB_ATTEMPTS = 3;

  private final RegistryClient source;
  private final RegistryClient target;
  private final Set<Platform> platforms;
  private final Semaphore transfers;
  private final ConcurrentHashMap<String, CompletableFuture<BlobOutcome>> blobsInFlight =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, CompletableFuture<Boolean>> manifestsInFlight =
      new ConcurrentHashMap<>();

  private enum BlobOutcome {
    PRESENT,
    MOUNTED,
    UPLOADED,
    NON_DISTRIBUTABLE
  }

  private ImageCopier(Builder b) {
    this.source = b.source;
    this.target = b.target;
    this.platforms = Set.copyOf(b.platforms);
    this.transfers = new Semaphore(b.parallelism);
  }

  /** A copier reading with {@code source} and writing with {@code target} (may be one client). */
  public static Builder builder(RegistryClient source, RegistryClient target) {
    return new Builder(source, target);
  }

  /**
   * Copies {@code from} to {@code to} (tag of {@code to}, or by digest when {@code to} has only a
   * digest).
   *
   * @throws RegistryException from either side; nothing is tagged unless everything below it was
   *     copied
   */
  public CopyResult copy(ImageReference from, ImageReference to) throws IOException {
    if (platforms.isEmpty()) {
      Optional<CopyResult> upToDate = upToDate(from, to);
      if (upToDate.isPresent()) {
        return upToDate.get();
      }
    }
    ManifestBytes top = source.getManifest(from);
    if (!platforms.isEmpty() && top.isIndex()) {
      top = IndexFilter.keep(top, this::selected);
    }
    Stats stats = new Stats();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      copyChildren(top, from.repositoryName(), to.repositoryName(), pool, stats);
    }
    target.putManifest(to, top);
    stats.manifests.incrementAndGet();
    return stats.result(top, false);
  }

  private Optional<CopyResult> upToDate(ImageReference from, ImageReference to)
      throws RegistryException {
    Optional<ManifestInfo> there = target.headManifest(to);
    if (there.isEmpty() || there.get().digest().isEmpty()) {
      return Optional.empty();
    }
    Optional<Digest> wanted = from.digest();
    String mediaType = there.get().mediaType().orElse("");
    if (wanted.isEmpty()) {
      Optional<ManifestInfo> here = source.headManifest(from);
      wanted = here.flatMap(ManifestInfo::digest);
    }
    if (wanted.isPresent() && wanted.get().equals(there.get().digest().get())) {
      return Optional.of(new CopyResult(wanted.get(), mediaType, true, 0, 0, 0, 0, 0));
    }
    return Optional.empty();
  }

  private boolean selected(Descriptor entry) {
    return entry.platform().map(p -> platforms.stream().anyMatch(w -> w.matches(p))).orElse(false);
  }

  /** Copies everything {@code manifest} references (blobs, or child manifests with theirs). */
  private void copyChildren(
      ManifestBytes manifest,
      RepositoryName from,
      RepositoryName to,
      ExecutorService pool,
      Stats stats)
      throws IOException {
    Manifest parsed = manifest.parse();
    List<CompletableFuture<?>> work = new ArrayList<>();
    if (parsed instanceof ImageIndex index) {
      for (Descriptor child : index.manifests()) {
        work.add(manifestOnce(child, from, to, pool, stats));
      }
    } else if (parsed instanceof ImageManifest image) {
      for (Descriptor blob : image.blobs()) {
        work.add(blobOnce(blob, from, to, pool, stats));
      }
    }
    await(work);
  }

  private CompletableFuture<Boolean> manifestOnce(
      Descriptor child, RepositoryName from, RepositoryName to, ExecutorService pool, Stats stats) {
    String key = to + "@" + child.digest();
    CompletableFuture<Boolean> mine = new CompletableFuture<>();
    CompletableFuture<Boolean> running = manifestsInFlight.putIfAbsent(key, mine);
    if (running != null) {
      return running;
    }
    pool.submit(
        () -> {
          try {
            ImageReference there = to.withDigest(child.digest());
            if (target.headManifest(there).isEmpty()) {
              ManifestBytes bytes = source.getManifest(from.withDigest(child.digest()));
              copyChildren(bytes, from, to, pool, stats);
              target.putManifest(to, bytes);
              stats.manifests.incrementAndGet();
            }
            mine.complete(true);
          } catch (Throwable t) {
            mine.completeExceptionally(t);
          } finally {
            manifestsInFlight.remove(key, mine);
          }
        });
    return mine;
  }

  private CompletableFuture<BlobOutcome> blobOnce(
      Descriptor blob, RepositoryName from, RepositoryName to, ExecutorService pool, Stats stats) {
    String key = to + "@" + blob.digest();
    CompletableFuture<BlobOutcome> mine = new CompletableFuture<>();
    CompletableFuture<BlobOutcome> running = blobsInFlight.putIfAbsent(key, mine);
    if (running != null) {
      return running;
    }
    pool.submit(
        () -> {
          try {
            mine.complete(copyBlob(blob, from, to, stats));
          } catch (Throwable t) {
            mine.completeExceptionally(t);
          } finally {
            blobsInFlight.remove(key, mine);
          }
        });
    return mine;
  }

  private BlobOutcome copyBlob(Descriptor blob, RepositoryName from, RepositoryName to, Stats stats)
      throws IOException, InterruptedException {
    if (blob.isNonDistributable()) {
      return BlobOutcome.NON_DISTRIBUTABLE;
    }
    if (target.headBlob(to, blob.digest()).isPresent()) {
      stats.present.incrementAndGet();
      return BlobOutcome.PRESENT;
    }
    Optional<RepositoryName> mountFrom =
        from.registry().equals(to.registry()) ? Optional.of(from) : Optional.empty();
    transfers.acquire();
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          RegistryClient.BlobPush push =
              target.pushBlob(
                  to,
                  blob.digest(),
                  blob.size(),
                  () -> source.getBlob(from, blob.digest()),
                  mountFrom);
          if (push == RegistryClient.BlobPush.MOUNTED) {
            stats.mounted.incrementAndGet();
            return BlobOutcome.MOUNTED;
          }
          stats.uploaded.incrementAndGet();
          stats.bytes.addAndGet(blob.size());
          return BlobOutcome.UPLOADED;
        } catch (dev.harbormaster.oci.registry.TransientRegistryException e) {
          if (attempt >= BLOB_ATTEMPTS) {
            throw e;
          }
        }
      }
    } finally {
      transfers.release();
    }
  }

  private static void await(List<CompletableFuture<?>> work) throws IOException {
    try {
      CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("copy interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(cause);
    }
  }

  /** Options of an {@link ImageCopier}. */
  public static final class Builder {
    private final RegistryClient source;
    private final RegistryClient target;
    private Set<Platform> platforms = Set.of();
    private int parallelism = 8;

    private Builder(RegistryClient source, RegistryClient target) {
      this.source = source;
      this.target = target;
    }

    /**
     * Copies only these platforms of an index (the pushed index then has a NEW digest). Empty (the
     * default): the whole image, byte-identical.
     */
    public Builder platforms(Set<Platform> selected) {
      this.platforms = Set.copyOf(selected);
      return this;
    }

    /** Blob transfers in flight at once (default 8). */
    public Builder parallelism(int transfers) {
      if (transfers < 1) {
        throw new IllegalArgumentException("parallelism must be >= 1, got " + transfers);
      }
      this.parallelism = transfers;
      return this;
    }

    /** The copier. */
    public ImageCopier build() {
      return new ImageCopier(this);
    }
  }
}
