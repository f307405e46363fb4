package dev.harbormaster.plugin.mirrorsync.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.oci.digest.Digest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetStateTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Digest SRC = Digest.of("src".getBytes(StandardCharsets.UTF_8));
  private static final Digest DST = Digest.of("dst".getBytes(StandardCharsets.UTF_8));

  @TempDir Path dir;

  @Test
  void entriesOlderThanMaxAge_areStale_butStillKnown() {
    TargetState s = new TargetState(Duration.ofHours(1), Optional.empty());
    s.record("r/m/app:1", SRC, DST, T0);

    assertThat(s.fresh("r/m/app:1", T0.plusSeconds(3599))).isPresent();
    assertThat(s.fresh("r/m/app:1", T0.plusSeconds(3601))).isEmpty();
    assertThat(s.any("r/m/app:1")).isPresent();
  }

  @Test
  void stateFile_roundTrips_forTheNextProcess() throws Exception {
    Path file = dir.resolve("state/mirror.json");
    TargetState first = new TargetState(Duration.ofHours(1), Optional.of(file));
    first.record("r/m/app:1", SRC, DST, T0);
    first.save();

    TargetState next = new TargetState(Duration.ofHours(1), Optional.of(file));

    assertThat(next.fresh("r/m/app:1", T0)).contains(new TargetState.Known(SRC, DST, T0));
  }

  @Test
  void forgottenTags_areGone() {
    TargetState s = new TargetState(Duration.ofHours(1), Optional.empty());
    s.record("r/m/app:1", SRC, SRC, T0);
    s.forget("r/m/app:1");
    assertThat(s.any("r/m/app:1")).isEmpty();
    assertThat(s.size()).isZero();
  }

  @Test
  void corruptFile_isReportedWithItsPath() throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"tags\": {\"x\": {\"source\": \"nope\"}}}");
    assertThatThrownBy(() -> new TargetState(Duration.ofHours(1), Optional.of(file)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sync.stateFile")
        .hasMessageContaining(file.toString())
        .hasMessageContaining("delete it");
  }
}
