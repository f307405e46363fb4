package dev.harbormaster.bench.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
  @Test
  void defaults_needOnlyThePluginsDirectory() {
    BenchOptions options = BenchOptions.parse(new String[] {"--plugins", "p"});

    assertThat(options)
        .isEqualTo(
            new BenchOptions(
                Path.of("p"),
                Path.of("admission-report.md"),
                Duration.ofSeconds(10),
                Duration.ofSeconds(15),
                2,
                2,
                16,
                1000,
                20,
                true,
                true,
                true));
  }

  @Test
  void overridesByName() {
    BenchOptions options =
        BenchOptions.parse(new String[] {"--plugins", "p", "--rate", "500", "--rounds", "3"});

    assertThat(options.rate()).isEqualTo(500);
    assertThat(options.rounds()).isEqualTo(3);
  }

  @Test
  void rewriterRounds_canBeTurnedOff() {
    assertThat(BenchOptions.parse(new String[] {"--plugins", "p"}).rewriter()).isTrue();
    assertThat(
            BenchOptions.parse(new String[] {"--plugins", "p", "--rewriter", "false"}).rewriter())
        .isFalse();
  }

  @Test
  void populatorRounds_canBeTurnedOff() {
    assertThat(BenchOptions.parse(new String[] {"--plugins", "p"}).populator()).isTrue();
    assertThat(
            BenchOptions.parse(new String[] {"--plugins", "p", "--populator", "false"}).populator())
        .isFalse();
  }

  @Test
  void rejectsAMissingPluginsDirectory_andStrayArguments() {
    assertThatThrownBy(() -> BenchOptions.parse(new String[0])).hasMessageContaining("--plugins");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"plugins"}))
        .hasMessageContaining("expected --name value pairs, got 'plugins'");
  }
}
