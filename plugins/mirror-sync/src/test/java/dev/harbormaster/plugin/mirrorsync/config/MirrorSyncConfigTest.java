package dev.harbormaster.plugin.mirrorsync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.oci.platform.Platform;
import dev.harbormaster.oci.reference.RepositoryName;
import dev.harbormaster.spi.config.ConfigBinder;
import dev.harbormaster.spi.config.ConfigBindingException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

class MirrorSyncConfigTest {
  private static final YAMLMapper YAML = new YAMLMapper();

  static MirrorSyncConfig load(String name) throws IOException {
    try (InputStream in = MirrorSyncConfigTest.class.getResourceAsStream("/config/" + name)) {
      return ConfigBinder.bind(YAML.readTree(in), MirrorSyncConfig.class);
    }
  }

  @Test
  void issueExample_binds_withDefaults() throws IOException {
    MirrorSyncConfig c = load("issue-example.yaml");
    assertThat(c.target().registry()).isEqualTo("registry.local");
    assertThat(c.interval()).isEqualTo(Duration.ofMinutes(10));
    assertThat(c.mirrors()).hasSize(2);
    MirrorConfig nginx = c.mirrors().get(0);
    assertThat(nginx.sourceRepository())
        .isEqualTo(new RepositoryName("docker.io", "library/nginx"));
    assertThat(nginx.tags().semver()).contains(">=1.25 <2");
    assertThat(nginx.tags().latest()).contains(5);
    assertThat(nginx.platforms().isAll()).isTrue();
    assertThat(c.mirrors().get(1).tags().onlyExact()).isTrue();
    assertThat(c.onAdmission()).isTrue();
    assertThat(c.leaderElection().enabled()).isTrue();
    assertThat(c.sync().workers()).isEqualTo(4);
    assertThat(c.sync().stateFile()).isEmpty();
  }

  @Test
  void targetRepository_isPrefixPlusSourcePath() throws IOException {
    MirrorSyncConfig c = load("issue-example.yaml");
    assertThat(c.target().repositoryFor(c.mirrors().get(0).sourceRepository()).toString())
        .isEqualTo("registry.local/mirror/library/nginx");
    assertThat(c.target().repositoryFor(c.mirrors().get(1).sourceRepository()).toString())
        .isEqualTo("registry.local/mirror/prometheus/node-exporter");
  }

  @Test
  void everyField_binds() throws IOException {
    MirrorSyncConfig c = load("every-field.yaml");
    assertThat(c.target().prefix()).isEqualTo("mirror");
    assertThat(c.target().insecure()).isTrue();
    assertThat(c.target().credentials().orElseThrow().usernameFile()).contains("user");
    assertThat(c.mirrors().get(0).platforms().platforms())
        .containsExactly(Platform.of("linux", "amd64"), Platform.parse("linux/arm64/v8"));
    assertThat(c.registry("docker.io").orElseThrow().credentials().orElseThrow().dockerConfigFile())
        .contains("config.json");
    assertThat(c.sync().tagPageSize()).isEqualTo(50);
    assertThat(c.sync().stateFile()).contains("state/mirror.json");
    assertThat(c.sync().targetStateMaxAge()).isEqualTo(Duration.ofHours(2));
    assertThat(c.onAdmission()).isFalse();
    assertThat(c.leaderElection().identity()).contains("pod-a");
    assertThat(c.leaderElection().renewPeriod()).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void typo_namesTheField() {
    assertThatThrownBy(() -> load("typo.yaml"))
        .isInstanceOf(ConfigBindingException.class)
        .hasMessageContaining("mirrors[0].tags")
        .hasMessageContaining("alow");
  }

  @Test
  void badRegex_namesTheRegex() {
    assertThatThrownBy(() -> load("bad-regex.yaml"))
        .isInstanceOf(ConfigBindingException.class)
        .hasMessageContaining("tags.deny")
        .hasMessageContaining("(-rc");
  }

  @Test
  void badSemver_namesTheRange() {
    assertThatThrownBy(() -> load("bad-semver.yaml"))
        .isInstanceOf(ConfigBindingException.class)
        .hasMessageContaining("tags.semver")
        .hasMessageContaining(">=one");
  }

  @Test
  void badPlatforms_sayWhatIsAccepted() {
    assertThatThrownBy(() -> load("bad-platforms.yaml"))
        .isInstanceOf(ConfigBindingException.class)
        .hasMessageContaining("'all' or a non-empty list");
  }

  @Test
  void twoSourcesOnOneTarget_areRefused() {
    assertThatThrownBy(() -> load("colliding.yaml"))
        .isInstanceOf(ConfigBindingException.class)
        .hasMessageContaining("registry.local/mirror/acme/app")
        .hasMessageContaining("mirrors[0]");
  }

  @Test
  void sourceWithTag_isRefused() {
    assertThatThrownBy(() -> load("with-tag.yaml"))
        .isInstanceOf(ConfigBindingException.class)
        .hasMessageContaining("nginx:1.25")
        .hasMessageContaining("without tag");
  }
}
