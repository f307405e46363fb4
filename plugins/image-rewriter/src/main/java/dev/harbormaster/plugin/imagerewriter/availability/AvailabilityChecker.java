package dev.harbormaster.plugin.imagerewriter.availability;

import dev.harbormaster.plugin.imagerewriter.rules.Candidate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Picks, for every container of a pod at once, the first candidate whose mirror can serve the
 * image.
 *
 * <p>Candidates whose rule does not check are chosen at once. The others are checked in rounds: the
 * current candidate of every container is asked concurrently (one request per distinct image and
 * platform set, shared through the {@link ProbeCache}); a miss moves that container to its next
 * candidate, a failure keeps its original image. All rounds together finish within the time budget;
 * a check still running when it is spent counts as a failure (its answer still fills the cache for
 * the next admission).
 */
public final class AvailabilityChecker {
  private final MirrorProbe probe;
  private final ProbeCache cache;
  private final Executor executor;
  private final Duration budget;
  private final AvailabilityListener listener;

  /**
   * @param probe asks a mirror
   * @param cache answers and requests in flight
   * @param executor runs the probes (blocking calls: virtual threads suit)
   * @param budget the total time all checks of one admission may take
   * @param listener told about every answer
   */
  public AvailabilityChecker(
      MirrorProbe probe,
      ProbeCache cache,
      Executor executor,
      Duration budget,
      AvailabilityListener listener) {
    this.probe = probe;
    this.cache = cache;
    this.executor = executor;
    this.budget = budget;
    this.listener = listener;
  }

  /**
   * Resolves each entry's candidates (in rule order).
   *
   * @param requests per container key, its non-empty candidate list
   * @return per key, the resolution; same keys, same order
   */
  public <K> Map<K, Resolution> resolve(Map<K, List<Candidate>> requests)
      throws InterruptedException {
    long deadline = System.nanoTime() + budget.toNanos();
    Map<K, Resolution> done = new LinkedHashMap<>();
    Map<K, Progress> open = new LinkedHashMap<>();
    requests.forEach((key, candidates) -> open.put(key, new Progress(candidates)));
    while (!open.isEmpty()) {
      Map<K, CompletableFuture<ProbeResult>> round = new LinkedHashMap<>();
      for (var it = open.entrySet().iterator(); it.hasNext(); ) {
        var e = it.next();
        Progress p = e.getValue();
        p.skipUnusable();
        if (p.exhausted()) {
          done.put(e.getKey(), p.giveUp());
          it.remove();
        } else if (!p.current().rule().checkAvailability()) {
          done.put(e.getKey(), new Resolution.Chosen(p.current()));
          it.remove();
        } else {
          round.put(e.getKey(), ask(p));
        }
      }
      awaitRound(round.values(), deadline);
      for (var e : round.entrySet()) {
        Progress p = open.get(e.getKey());
        ProbeResult result = resultOf(e.getValue());
        listener.answered(p.current().rule().name(), result, p.shared);
        switch (result) {
          case ProbeResult.Present present -> {
            done.put(e.getKey(), new Resolution.Chosen(p.current()));
            open.remove(e.getKey());
          }
          case ProbeResult.Missing missing -> p.miss(missing.reason());
          case ProbeResult.Failed failed -> {
            done.put(e.getKey(), new Resolution.Failed(p.current().rule().name(), failed.reason()));
            open.remove(e.getKey());
          }
        }
      }
    }
    Map<K, Resolution> ordered = new LinkedHashMap<>();
    requests.keySet().forEach(k -> ordered.put(k, done.get(k)));
    return ordered;
  }

  private CompletableFuture<ProbeResult> ask(Progress p) {
    Candidate.Target target = p.current();
    ProbeKey key = new ProbeKey(target.image(), target.rule().platforms());
    ProbeCache.Lookup lookup =
        cache.lookup(
            key,
            k ->
                CompletableFuture.supplyAsync(
                    () -> probe.probe(k.image(), k.platforms()), executor));
    p.shared = lookup.shared();
    return lookup.result();
  }

  private void awaitRound(Iterable<CompletableFuture<ProbeResult>> round, long deadline)
      throws InterruptedException {
    List<CompletableFuture<ProbeResult>> all = new ArrayList<>();
    round.forEach(all::add);
    if (all.isEmpty()) {
      return;
    }
    long left = deadline - System.nanoTime();
    try {
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
          .get(Math.max(0, left), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Unfinished checks are read as failures below; probes never complete exceptionally.
    }
  }

  private ProbeResult resultOf(CompletableFuture<ProbeResult> future) {
    if (!future.isDone()) {
      return new ProbeResult.Failed(
          "no answer within the availability time budget of " + budget.toMillis() + "ms");
    }
    try {
      return future.getNow(null);
    } catch (RuntimeException e) {
      return new ProbeResult.Failed(String.valueOf(e.getMessage()));
    }
  }

  /** Where one container is in its candidate list. */
  private static final class Progress {
    private final List<Candidate> candidates;
    private final List<String> misses = new ArrayList<>();
    private final List<String> unusable = new ArrayList<>();
    private int index;
    boolean shared;

    Progress(List<Candidate> candidates) {
      this.candidates = candidates;
    }

    void skipUnusable() {
      while (index < candidates.size() && candidates.get(index) instanceof Candidate.Unusable u) {
        unusable.add(u.rule().name() + ": " + u.reason());
        index++;
      }
    }

    boolean exhausted() {
      return index >= candidates.size();
    }

    Candidate.Target current() {
      return (Candidate.Target) candidates.get(index);
    }

    void miss(String reason) {
      misses.add(current().rule().name() + ": " + current().text() + " " + reason);
      index++;
    }

    Resolution giveUp() {
      return misses.isEmpty() ? new Resolution.Unusable(unusable) : new Resolution.Missing(misses);
    }
  }
}
