package dev.harbormaster.plugin.mirrorsync.copy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.oci.copy.CopyResult;
import dev.harbormaster.oci.digest.Digest;
import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.oci.registry.TransientRegistryException;
import dev.harbormaster.plugin.mirrorsync.config.PlatformSelection;
import dev.harbormaster.worker.OfferResult;
import dev.harbormaster.worker.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The queue's ordering rules with a recording copier (no registry involved: what is tested is which
 * items reach the copier, and in which order).
 */
class CopyQueueTest {
  private static final RetryPolicy NO_WAIT = new RetryPolicy(3, Duration.ZERO, Duration.ZERO);

  private final List<String> copied = new CopyOnWriteArrayList<>();
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  private static Digest digest(String name) {
    return Digest.of(name.getBytes(StandardCharsets.UTF_8));
  }

  private static SyncItem item(String tag, String digestName, long generation) {
    return new SyncItem(
        "upstream.example/app",
        ImageReference.parse("upstream.example/app:" + tag),
        Optional.of(digest(digestName)),
        ImageReference.parse("mirror.example/m/app:" + tag),
        PlatformSelection.ALL,
        generation);
  }

  private CopyOutcome record(SyncItem item) throws InterruptedException {
    if (item.target().tag().orElseThrow().equals("blocker") || copied.isEmpty()) {
      started.countDown();
      release.await(30, TimeUnit.SECONDS);
    }
    copied.add(item.target().tag().orElseThrow() + "@" + item.expected().orElseThrow());
    return new CopyOutcome.Copied(
        item.expected().orElseThrow(),
        new CopyResult(item.expected().orElseThrow(), "x", false, 1, 0, 0, 0, 0));
  }

  private CopyQueue queue(int workers, CopyQueue.ItemCopier copier) {
    return new CopyQueue(
        "test",
        copier,
        new CopyListener() {
          @Override
          public void copied(SyncItem item, CopyOutcome outcome) {}

          @Override
          public void failed(SyncItem item, String reason, String message, boolean willRetry) {
            failures.add(reason + (willRetry ? " (retry)" : ""));
          }
        },
        workers,
        1,
        100,
        NO_WAIT);
  }

  @Test
  void newerItemForTheSameTag_replacesTheOlderQueuedOne() throws Exception {
    CopyQueue q = queue(1, this::record);
    q.offer(item("blocker", "b", 1), 0);
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

    assertThat(q.offer(item("1.25", "old", 2), 0)).isEqualTo(OfferResult.ENQUEUED);
    assertThat(q.offer(item("1.25", "new", 3), 0)).isEqualTo(OfferResult.REPLACED);
    release.countDown();
    q.stop(Duration.ofSeconds(30));

    assertThat(copied).containsExactly("blocker@" + digest("b"), "1.25@" + digest("new"));
  }

  @Test
  void itemOfferedWhileItsTagIsBeingCopied_runsAfterThatCopy() throws Exception {
    CopyQueue q = queue(2, this::record);
    q.offer(item("1.25", "first", 1), 0);
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

    assertThat(q.offer(item("1.25", "second", 2), 0)).isEqualTo(OfferResult.DEDUPLICATED);
    release.countDown();
    awaitSize(2);
    q.stop(Duration.ofSeconds(30));

    assertThat(copied).containsExactly("1.25@" + digest("first"), "1.25@" + digest("second"));
  }

  @Test
  void admissionPriority_runsBeforePeriodicItems() throws Exception {
    CopyQueue q = queue(1, this::record);
    q.offer(item("blocker", "b", 1), 0);
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
    q.offer(item("periodic", "p", 2), 0);
    q.offer(item("admitted", "a", 3), CopyQueue.ADMISSION_PRIORITY);
    release.countDown();
    q.stop(Duration.ofSeconds(30));

    assertThat(copied)
        .containsExactly(
            "blocker@" + digest("b"), "admitted@" + digest("a"), "periodic@" + digest("p"));
  }

  @Test
  void transientFailures_areRetried_permanentOnesReportedOnce() throws Exception {
    int[] calls = {0};
    CopyQueue q =
        queue(
            1,
            item -> {
              if (item.target().tag().orElseThrow().equals("flaky") && calls[0]++ == 0) {
                throw new TransientRegistryException("HEAD x", 503, List.of(), null);
              }
              if (item.target().tag().orElseThrow().equals("broken")) {
                throw new VerificationException("target holds nothing");
              }
              release.countDown();
              return record(item);
            });
    q.offer(item("flaky", "f", 1), 0);
    q.offer(item("broken", "x", 1), 0);
    awaitSize(1); // stopping refuses to reschedule retries, so wait for the retry first
    q.stop(Duration.ofSeconds(30));

    assertThat(copied).containsExactly("flaky@" + digest("f"));
    assertThat(failures).containsExactlyInAnyOrder("unavailable (retry)", "verification");
  }

  private void awaitSize(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (copied.size() < n && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }
}
