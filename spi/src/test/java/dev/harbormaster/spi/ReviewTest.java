package dev.harbormaster.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ReviewTest {
  private static final ObjectNode OLD = JsonMapper.shared().createObjectNode().put("v", 1);

  private static Review review(Supplier<Optional<ObjectNode>> oldObject) {
    return new Review(
        "u",
        Operation.UPDATE,
        new GroupVersionKind("", "v1", "Pod"),
        new GroupVersionResource("", "v1", "pods"),
        Optional.empty(),
        Optional.of("ns"),
        Optional.of("p"),
        UserInfo.anonymous(),
        false,
        Optional.of(JsonMapper.shared().createObjectNode()),
        oldObject);
  }

  @Test
  void lazyOldObject_isProducedOnFirstUseOnly_andSharedByCopies() {
    AtomicInteger calls = new AtomicInteger();
    Review review =
        review(
            () -> {
              calls.incrementAndGet();
              return Optional.of(OLD);
            });
    Review copy = review.withObject(Optional.empty());

    assertThat(calls).hasValue(0);
    assertThat(copy.oldObject()).containsSame(OLD);
    assertThat(review.oldObject()).containsSame(OLD);
    assertThat(calls).hasValue(1);
  }

  @Test
  void lazyOldObject_racingReaders_seeOneValueFromOneCall() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Review review =
        review(
            () -> {
              calls.incrementAndGet();
              return Optional.of(OLD.deepCopy());
            });
    CountDownLatch go = new CountDownLatch(1);
    List<Optional<ObjectNode>> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      threads.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      go.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    seen.add(review.oldObject());
                  }));
    }
    go.countDown();
    for (Thread t : threads) t.join();

    assertThat(calls).hasValue(1);
    assertThat(seen)
        .hasSize(8)
        .allSatisfy(o -> assertThat(o.orElseThrow()).isSameAs(seen.get(0).orElseThrow()));
  }

  @Test
  void eagerAndLazyReviews_ofTheSameRequest_areEqual_andPrintWithoutTheirObjects() {
    Review eager =
        new Review(
            "u",
            Operation.UPDATE,
            new GroupVersionKind("", "v1", "Pod"),
            new GroupVersionResource("", "v1", "pods"),
            Optional.empty(),
            Optional.of("ns"),
            Optional.of("p"),
            UserInfo.anonymous(),
            false,
            Optional.of(JsonMapper.shared().createObjectNode()),
            Optional.of(OLD));
    Review lazy = review(() -> Optional.of(OLD.deepCopy()));

    assertThat(lazy).isEqualTo(eager).hasSameHashCodeAs(eager);
    assertThat(lazy.toString()).contains("uid=u", "UPDATE", "ns/p").doesNotContain("\"v\"");
  }
}
