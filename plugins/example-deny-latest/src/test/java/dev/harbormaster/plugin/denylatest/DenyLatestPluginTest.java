package dev.harbormaster.plugin.denylatest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.spi.AdmissionHandler;
import dev.harbormaster.spi.Decision;
import dev.harbormaster.spi.Scope;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DenyLatestPluginTest {
  private final DenyLatestPlugin plugin = new DenyLatestPlugin();

  @Test
  void isListedInTheExtensionIndex_writtenByPf4jsAnnotationProcessor() throws IOException {
    // The index next to this class, not the first one on the class path (test-classes and the
    // SPI jar have their own, empty ones).
    URL classes = DenyLatestPlugin.class.getProtectionDomain().getCodeSource().getLocation();
    try (InputStream index = URI.create(classes + "META-INF/extensions.idx").toURL().openStream()) {
      assertThat(new String(index.readAllBytes(), StandardCharsets.UTF_8))
          .contains(DenyLatestPlugin.class.getName());
    }
  }

  @Test
  void bindsItsConfigRecord_andRunsOnlyInValidatingScope() {
    assertThat(plugin.configType()).isEqualTo(DenyLatestConfig.class);
    assertThat(plugin.scopes()).containsExactly(Scope.VALIDATING);
  }

  @Test
  void startsAHandler_thatAppliesTheConfig() throws Exception {
    try (FixedContext context = new FixedContext()) {
      AdmissionHandler handler =
          plugin.start(new DenyLatestConfig(List.of("shop"), Optional.empty()), context);

      assertThat(handler.review(ReviewFixtures.load("pod-create-implicit-latest.json")))
          .isEqualTo(Decision.allow());
      assertThat(handler.review(ReviewFixtures.load("cronjob-create-implicit-latest.json")))
          .isInstanceOf(Decision.Deny.class);
    }
  }

  @Test
  void validate_reportsTheConfigsProblems() {
    var config = new DenyLatestConfig(List.of("Shop"), Optional.empty());

    assertThat(plugin.validate(config)).extracting("path").containsExactly("exemptNamespaces[0]");
  }
}
