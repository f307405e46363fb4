package dev.harbormaster.host.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.host.Fixtures;
import dev.harbormaster.host.config.FailurePolicy;
import dev.harbormaster.spi.AdmissionHandler;
import dev.harbormaster.spi.Decision;
import dev.harbormaster.spi.Scope;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InstanceCallTest {
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

  @AfterEach
  void close() {
    executor.shutdownNow();
  }

  @Test
  void aDecisionInTime_isCompleted() {
    assertThat(call(r -> Decision.allow(), Duration.ofSeconds(5)))
        .isEqualTo(new CallResult.Completed(Decision.allow()));
  }

  @Test
  void nullDecisionsAndErrors_areFailures_notCrashes() {
    assertThat(call(r -> null, Duration.ofSeconds(5)))
        .isEqualTo(
            new CallResult.Failed(CallResult.FailureKind.EXCEPTION, "handler returned null"));
    CallResult error =
        call(
            r -> {
              throw new NoClassDefFoundError("com/example/Missing");
            },
            Duration.ofSeconds(5));
    assertThat(error).isInstanceOf(CallResult.Failed.class);
    assertThat(((CallResult.Failed) error).detail()).contains("com/example/Missing");
  }

  @Test
  void aLateHandler_isATimeout_andIsInterrupted() throws Exception {
    CountDownLatch interrupted = new CountDownLatch(1);
    AtomicBoolean sawInterrupt = new AtomicBoolean();

    CallResult result =
        call(
            r -> {
              try {
                new CountDownLatch(1).await();
              } catch (InterruptedException e) {
                sawInterrupt.set(true);
                interrupted.countDown();
              }
              return Decision.allow();
            },
            Duration.ofMillis(50));

    assertThat(result).isInstanceOf(CallResult.Failed.class);
    assertThat(((CallResult.Failed) result).kind()).isEqualTo(CallResult.FailureKind.TIMEOUT);
    interrupted.await();
    assertThat(sawInterrupt).isTrue();
  }

  private CallResult call(AdmissionHandler handler, Duration timeout) {
    PipelineInstance instance =
        AdmissionPipelineTest.instance(
            "i", Scope.VALIDATING, FailurePolicy.DENY, timeout, false, handler);
    return InstanceCall.start(
            instance, Fixtures.review("pod-create"), executor, System.nanoTime() + 10_000_000_000L)
        .await();
  }
}
