package dev.harbormaster.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CommandTest {

  @Test
  void run_capturesStdoutBytesAndStderr() {
    CommandResult result = Command.of("sh", "-c", "printf 'a\\nb'; echo oops >&2").run();

    assertThat(result.succeeded()).isTrue();
    assertThat(result.stdout()).containsExactly('a', '\n', 'b');
    assertThat(result.stderr()).isEqualTo("oops\n");
  }

  @Test
  void orThrow_namesCommandExitCodeAndStderr() {
    CommandResult result = Command.of("sh", "-c", "echo denied >&2; exit 4").run();

    assertThatThrownBy(result::orThrow)
        .isInstanceOf(CommandFailedException.class)
        .hasMessageContaining("exit code 4")
        .hasMessageContaining("sh -c")
        .hasMessageContaining("denied");
  }

  @Test
  void run_killsACommandThatExceedsItsTimeout() {
    assertThatThrownBy(() -> Command.of("sleep", "30").withTimeout(Duration.ofMillis(200)).run())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("timed out after PT0.2S");
  }
}
