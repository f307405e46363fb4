package dev.harbormaster.plugin.mirrorsync.plan;

import dev.harbormaster.oci.digest.Digest;
import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.oci.reference.RepositoryName;
import dev.harbormaster.oci.registry.ManifestInfo;
import dev.harbormaster.oci.registry.RegistryClient;
import dev.harbormaster.plugin.mirrorsync.config.MirrorConfig;
import dev.harbormaster.plugin.mirrorsync.config.TargetConfig;
import dev.harbormaster.plugin.mirrorsync.copy.Failures;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * The producer: for one mirror, lists the upstream tags (paged; skipped when only exact tags are
 * named), filters them, {@code HEAD}s each selected upstream tag (at most {@code headConcurrency}
 * per registry at once) and compares with the {@link TargetState}. The target is asked (one {@code
 * HEAD}) only for tags whose target state is unknown or stale. Nothing is fetched with {@code GET}
 * unless a registry omits {@code Docker-Content-Digest}.
 */
public final class MirrorPlanner {
  private final Function<String, RegistryClient> sources;
  private final RegistryClient target;
  private final TargetConfig targetConfig;
  private final TargetState state;
  private final int headConcurrency;
  private final int tagPageSize;
  private final Clock clock;
  private final Map<String, Semaphore> perRegistry = new ConcurrentHashMap<>();

  /**
   * @param sources the client for each source registry
   * @param target the target registry's client
   * @param targetConfig where mirrors land
   * @param state what is known of the target
   * @param headConcurrency upstream {@code HEAD}s in flight per registry
   * @param tagPageSize tags asked per page
   * @param clock for state ages
   */
  public MirrorPlanner(
      Function<String, RegistryClient> sources,
      RegistryClient target,
      TargetConfig targetConfig,
      TargetState state,
      int headConcurrency,
      int tagPageSize,
      Clock clock) {
    this.sources = sources;
    this.target = target;
    this.targetConfig = targetConfig;
    this.state = state;
    this.headConcurrency = headConcurrency;
    this.tagPageSize = tagPageSize;
    this.clock = clock;
  }

  /** Plans one mirror; registry failures end up in the plan, never thrown. */
  public MirrorPlan plan(MirrorConfig mirror) throws InterruptedException {
    RepositoryName src = mirror.sourceRepository();
    RepositoryName dst = targetConfig.repositoryFor(src);
    RegistryClient client = sources.apply(src.registry());
    TagFilter filter = new TagFilter(mirror.tags());
    List<String> tags;
    try {
      List<String> listed =
          filter.needsListing() ? client.listTags(src, OptionalInt.of(tagPageSize)) : List.of();
      tags = filter.select(listed);
    } catch (IOException e) {
      return new MirrorPlan(
          mirror.source(), dst, 0, 0, List.of(), List.of(), Optional.of(Failures.describe(e)));
    }
    Semaphore limit =
        perRegistry.computeIfAbsent(src.registry(), r -> new Semaphore(headConcurrency));
    List<Future<Check>> checks = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (String tag : tags) {
        checks.add(pool.submit(() -> check(mirror, client, src, dst, tag, limit)));
      }
    }
    int inSync = 0;
    List<PlannedCopy> copies = new ArrayList<>();
    List<MirrorPlan.TagFailure> failures = new ArrayList<>();
    for (Future<Check> f : checks) {
      try {
        switch (f.get()) {
          case Check.InSync s -> inSync++;
          case Check.Copy c -> copies.add(c.copy());
          case Check.Failed x -> failures.add(x.failure());
        }
      } catch (ExecutionException e) {
        throw new IllegalStateException("tag check failed unexpectedly", e.getCause());
      }
    }
    return new MirrorPlan(
        mirror.source(), dst, tags.size(), inSync, copies, failures, Optional.empty());
  }

  private sealed interface Check {
    record InSync() implements Check {}

    record Copy(PlannedCopy copy) implements Check {}

    record Failed(MirrorPlan.TagFailure failure) implements Check {}
  }

  private Check check(
      MirrorConfig mirror,
      RegistryClient client,
      RepositoryName src,
      RepositoryName dst,
      String tag,
      Semaphore limit)
      throws InterruptedException {
    ImageReference from = src.withTag(tag);
    ImageReference to = dst.withTag(tag);
    Digest upstream;
    limit.acquire();
    try {
      Optional<Digest> d = upstreamDigest(client, from);
      if (d.isEmpty()) {
        return new Check.Failed(
            new MirrorPlan.TagFailure(tag, "not-found", from.full() + " does not exist upstream"));
      }
      upstream = d.get();
    } catch (IOException e) {
      return new Check.Failed(
          new MirrorPlan.TagFailure(tag, Failures.reason(e), Failures.describe(e)));
    } finally {
      limit.release();
    }
    String key = to.full();
    Instant now = clock.instant();
    Optional<TargetState.Known> fresh = state.fresh(key, now);
    if (fresh.isPresent() && fresh.get().source().equals(upstream)) {
      return new Check.InSync();
    }
    PlannedCopy copy = new PlannedCopy(mirror.source(), from, upstream, to, mirror.platforms());
    if (fresh.isPresent()) {
      return new Check.Copy(copy); // known, and upstream moved: no need to ask the target
    }
    Optional<Digest> expected =
        mirror.platforms().isAll()
            ? Optional.of(upstream)
            : state
                .any(key)
                .filter(k -> k.source().equals(upstream))
                .map(TargetState.Known::target);
    if (expected.isEmpty()) {
      return new Check.Copy(copy); // filtered platforms, never copied by us: copy to know
    }
    try {
      Optional<Digest> there = target.headManifest(to).flatMap(ManifestInfo::digest);
      if (there.equals(expected)) {
        state.record(key, upstream, expected.get(), now);
        return new Check.InSync();
      }
      state.forget(key);
      return new Check.Copy(copy);
    } catch (IOException e) {
      return new Check.Failed(
          new MirrorPlan.TagFailure(tag, Failures.reason(e), "target: " + Failures.describe(e)));
    }
  }

  private static Optional<Digest> upstreamDigest(RegistryClient client, ImageReference from)
      throws IOException {
    Optional<ManifestInfo> head = client.headManifest(from);
    if (head.isEmpty()) {
      return Optional.empty();
    }
    if (head.get().digest().isPresent()) {
      return head.get().digest();
    }
    return Optional.of(client.getManifest(from).digest()); // registry sent no digest header
  }
}
