package dev.harbormaster.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class PeerBinariesTest {

  @Test
  void require_findsAnInstalledBinary() {
    assertThat(PeerBinaries.require("sh", "dash")).isExecutable();
  }

  @Test
  void require_missingBinary_failsInCi_andSkipsElsewhere_namingTheAptPackage() {
    Class<? extends Throwable> expected =
        PeerBinaries.isCi() ? AssertionError.class : TestAbortedException.class;
    assertThatThrownBy(() -> PeerBinaries.require("hm-no-such-binary", "hm-some-package"))
        .isInstanceOf(expected)
        .hasMessageContaining("hm-no-such-binary")
        .hasMessageContaining("apt-get install -y hm-some-package");
  }
}
