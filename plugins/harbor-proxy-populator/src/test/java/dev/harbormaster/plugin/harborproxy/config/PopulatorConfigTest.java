package dev.harbormaster.plugin.harborproxy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.oci.platform.Platform;
import dev.harbormaster.spi.config.ConfigBinder;
import dev.harbormaster.spi.config.ConfigBindingException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

class PopulatorConfigTest {
  private static final YAMLMapper YAML = new YAMLMapper();

  private static PopulatorConfig load(String name) throws IOException {
    try (InputStream in = PopulatorConfigTest.class.getResourceAsStream("/config/" + name)) {
      return ConfigBinder.bind(YAML.readTree(in), PopulatorConfig.class);
    }
  }

  private static PopulatorConfig bind(String yaml) {
    return ConfigBinder.bind(YAML.readTree(yaml), PopulatorConfig.class);
  }

  @Test
  void issueExample_binds() throws IOException {
    PopulatorConfig c = load("issue-example.yaml");
    assertThat(c.harbor().host()).isEqualTo("harbor.example.com");
    assertThat(c.harbor().isPlainHttp()).isFalse();
    assertThat(c.harbor().credentials().orElseThrow().usernameFile()).contains("robot/username");
    assertThat(c.harbor().caFile()).contains("harbor-ca.pem");
    assertThat(c.projects()).hasSize(2);
    assertThat(c.projects().get(1).pathIsProject()).isTrue();
    assertThat(c.parsedPlatforms())
        .containsExactly(Platform.of("linux", "amd64"), Platform.of("linux", "arm64"));
    assertThat(c.mode()).isEqualTo(WarmMode.FULL);
  }

  @Test
  void defaults_areDocumented() {
    PopulatorConfig c =
        bind(
            """
            harbor: {url: https://harbor.example.com}
            projects: [{registry: docker.io, project: hub}]
            """);
    assertThat(c.platforms()).containsExactly("linux/amd64");
    assertThat(c.mode()).isEqualTo(WarmMode.FULL);
    assertThat(c.verify()).isFalse();
    assertThat(c.recentResults()).isEqualTo(100);
    assertThat(c.queue().capacity()).isEqualTo(1000);
    assertThat(c.queue().workers()).isEqualTo(4);
    assertThat(c.queue().perUpstreamConcurrency()).isEqualTo(2);
    assertThat(c.queue().dedupTtl()).isEqualTo(Duration.ofMinutes(30));
    assertThat(c.queue().settings().retry().cap()).isEqualTo(Duration.ofMinutes(10));
    assertThat(c.harbor().requestAttempts()).isEqualTo(3);
    assertThat(c.simulate()).isEmpty();
  }

  @Test
  void plainHttp_onlyWhenStated() {
    assertThatThrownBy(
            () ->
                bind(
                    """
                    harbor: {url: http://127.0.0.1:8080}
                    projects: [{registry: docker.io, project: hub}]
                    """))
        .isInstanceOf(ConfigBindingException.class)
        .hasMessageContaining("harbor")
        .hasMessageContaining("http://127.0.0.1:8080")
        .hasMessageContaining("plainHttp: true");
    PopulatorConfig ok =
        bind(
            """
            harbor: {url: "http://127.0.0.1:8080", plainHttp: true}
            projects: [{registry: docker.io, project: hub}]
            """);
    assertThat(ok.harbor().host()).isEqualTo("127.0.0.1:8080");
    assertThat(ok.harbor().isPlainHttp()).isTrue();
  }

  @Test
  void harborHost_mustReadAsARegistry() {
    assertThatThrownBy(
            () ->
                bind(
                    """
                    harbor: {url: https://harbor}
                    projects: [{registry: docker.io, project: hub}]
                    """))
        .hasMessageContaining("host harbor does not read as a registry");
    assertThatThrownBy(
            () ->
                bind(
                    """
                    harbor: {url: https://harbor.example.com/api}
                    projects: [{registry: docker.io, project: hub}]
                    """))
        .hasMessageContaining("without path");
  }

  @Test
  void badValues_areNamed() {
    assertThatThrownBy(
            () ->
                bind(
                    """
                    harbor: {url: https://h.example.com}
                    projects: [{registry: docker.io, project: hub}]
                    mode: everything
                    """))
        .hasMessageContaining("mode \"everything\" is not one of: manifests, full");
    assertThatThrownBy(
            () ->
                bind(
                    """
                    harbor: {url: https://h.example.com}
                    projects: [{registry: docker.io, project: hub}]
                    platforms: [linux]
                    """))
        .hasMessageContaining("invalid platform \"linux\"");
    assertThatThrownBy(
            () ->
                bind(
                    """
                    harbor: {url: https://h.example.com}
                    projects: [{registry: docker.io, project: hub, pathIsProject: true}]
                    """))
        .hasMessageContaining("projects[0]")
        .hasMessageContaining("exactly one");
    assertThatThrownBy(
            () ->
                bind(
                    """
                    harbor: {url: https://h.example.com, credentials: {usernameFile: u}}
                    projects: [{registry: docker.io, project: hub}]
                    """))
        .hasMessageContaining("usernameFile and passwordFile must be given together");
    assertThatThrownBy(
            () ->
                bind(
                    """
                    harbor: {url: https://h.example.com}
                    projects: [{registry: docker.io, project: hub}]
                    queue: {retryCap: 20m}
                    """))
        .hasMessageContaining("queue")
        .hasMessageContaining("10m");
    assertThatThrownBy(
            () ->
                bind(
                    """
                    harbor: {url: https://h.example.com, typo: 1}
                    projects: [{registry: docker.io, project: hub}]
                    """))
        .hasMessageContaining("typo");
  }
}
