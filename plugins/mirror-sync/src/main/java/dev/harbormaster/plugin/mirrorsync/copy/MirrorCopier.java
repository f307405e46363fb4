package dev.harbormaster.plugin.mirrorsync.copy;

import dev.harbormaster.oci.copy.CopyResult;
import dev.harbormaster.oci.copy.ImageCopier;
import dev.harbormaster.oci.digest.Digest;
import dev.harbormaster.oci.registry.ManifestInfo;
import dev.harbormaster.oci.registry.NotFoundException;
import dev.harbormaster.oci.registry.RegistryClient;
import dev.harbormaster.plugin.mirrorsync.config.PlatformSelection;
import dev.harbormaster.plugin.mirrorsync.plan.TargetState;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The consumer's work for one {@link SyncItem}: copies the upstream manifest BY DIGEST to the
 * target tag through {@link ImageCopier} (blobs HEAD / mount / streamed upload, children by digest,
 * index, tag last; one copy per digest in flight across items), then verifies the target tag with a
 * {@code HEAD} and records it in the {@link TargetState}.
 *
 * <p>Never moves a tag backwards: an item whose generation is older than the one last applied to
 * the same tag is skipped as superseded. Copying by digest means the tag gets exactly what the
 * producer saw, even if upstream moved meanwhile (the next pass sees the move).
 */
public final class MirrorCopier {
  private final Function<String, RegistryClient> sources;
  private final RegistryClient target;
  private final TargetState state;
  private final int blobParallelism;
  private final Clock clock;
  private final Map<List<Object>, ImageCopier> copiers = new ConcurrentHashMap<>();
  private final Map<String, Long> applied = new ConcurrentHashMap<>();

  /**
   * @param sources the client of each source registry
   * @param target the target registry's client
   * @param state what is known of the target (updated after each verified copy)
   * @param blobParallelism blob transfers in flight per copier
   * @param clock for state times
   */
  public MirrorCopier(
      Function<String, RegistryClient> sources,
      RegistryClient target,
      TargetState state,
      int blobParallelism,
      Clock clock) {
    this.sources = sources;
    this.target = target;
    this.state = state;
    this.blobParallelism = blobParallelism;
    this.clock = clock;
  }

  /**
   * Copies and verifies one item.
   *
   * @throws IOException from either registry; {@link VerificationException} when the target tag
   *     does not hold the pushed digest afterwards
   */
  public CopyOutcome copy(SyncItem item) throws IOException {
    String key = item.key();
    Long done = applied.get(key);
    if (done != null && done > item.generation()) {
      return new CopyOutcome.Superseded(done);
    }
    RegistryClient source = sources.apply(item.source().registry());
    Digest want = item.expected().isPresent() ? item.expected().get() : resolve(source, item);
    CopyResult result =
        copier(item.source().registry(), item.platforms())
            .copy(item.source().repositoryName().withDigest(want), item.target());
    Optional<Digest> there = target.headManifest(item.target()).flatMap(ManifestInfo::digest);
    if (there.isEmpty() || !there.get().equals(result.digest())) {
      state.forget(key);
      throw new VerificationException(
          item.target().full()
              + " holds "
              + there.map(Digest::toString).orElse("nothing")
              + " after pushing "
              + result.digest());
    }
    state.record(key, want, result.digest(), clock.instant());
    applied.merge(key, item.generation(), Math::max);
    return new CopyOutcome.Copied(want, result);
  }

  private static Digest resolve(RegistryClient source, SyncItem item) throws IOException {
    Optional<ManifestInfo> head = source.headManifest(item.source());
    if (head.isEmpty()) {
      throw new NotFoundException(
          item.source().full() + " does not exist upstream", 404, List.of(), null);
    }
    return head.get().digest().isPresent()
        ? head.get().digest().get()
        : source.getManifest(item.source()).digest();
  }

  private ImageCopier copier(String sourceRegistry, PlatformSelection platforms) {
    return copiers.computeIfAbsent(
        List.of(sourceRegistry, platforms.asSet()),
        k ->
            ImageCopier.builder(sources.apply(sourceRegistry), target)
                .platforms(platforms.asSet())
                .parallelism(blobParallelism)
                .build());
  }
}
