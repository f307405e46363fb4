package dev.harbormaster.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.spi.SpiVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void version_namesTheSpiVersion() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).contains("plugin SPI " + SpiVersion.CURRENT);
  }

  @Test
  void help_listsTheCommands() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("serve").contains("check").contains("review");
  }

  @Test
  void noCommand_isAUsageError() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("missing command");
  }

  @Test
  void unknownOptionsAndMissingRequiredOptions_areUsageErrors() {
    assertThat(run("serve", "--bogus")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown option: '--bogus'");
    assertThat(run("check")).isEqualTo(2);
    assertThat(err.toString()).contains("--config");
    assertThat(run("review", "--config", "x.yaml", "--endpoint", "sideways", "f.yaml"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("sideways");
  }

  private int run(String... args) {
    return Main.run(new PrintWriter(out), new PrintWriter(err), args);
  }
}
