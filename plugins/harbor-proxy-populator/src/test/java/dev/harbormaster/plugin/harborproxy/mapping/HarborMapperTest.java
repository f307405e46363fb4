package dev.harbormaster.plugin.harborproxy.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.plugin.harborproxy.config.ProjectConfig;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HarborMapperTest {
  private static final String DIGEST =
      "sha256:2b7412e6465c3c7fc5bb21d3e6f1917c167358449fecac8176c6e496e5c1f05f";
  private static final String ECR = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";

  private final HarborMapper mapper =
      new HarborMapper(
          "harbor.example.com",
          List.of(
              new ProjectConfig("docker.io", Optional.of("dockerhub-proxy"), null, null),
              new ProjectConfig("quay.io", Optional.of("quay-proxy"), null, null),
              new ProjectConfig(ECR, Optional.empty(), true, List.of("dockerhub-proxy"))));

  private WarmTarget mapped(String image) {
    return ((HarborMapper.Mapped) mapper.map(image)).target();
  }

  private Unmapped unmapped(String image) {
    return ((HarborMapper.NotMapped) mapper.map(image)).why();
  }

  @Test
  void upstreamScenario_dockerHubShortName_getsLibraryWrittenOut() {
    WarmTarget t = mapped("nginx:1.25");
    assertThat(t.harbor().full())
        .isEqualTo("harbor.example.com/dockerhub-proxy/library/nginx:1.25");
    assertThat(t.project()).isEqualTo("dockerhub-proxy");
    assertThat(t.source().full()).isEqualTo("docker.io/library/nginx:1.25");
  }

  @Test
  void upstreamScenario_dockerHubAliasesAndUserRepos() {
    assertThat(mapped("index.docker.io/bitnami/redis:7").harbor().full())
        .isEqualTo("harbor.example.com/dockerhub-proxy/bitnami/redis:7");
    assertThat(mapped("registry-1.docker.io/library/busybox").harbor().full())
        .isEqualTo("harbor.example.com/dockerhub-proxy/library/busybox:latest");
    assertThat(mapped("quay.io/prometheus/node-exporter:v1").harbor().full())
        .isEqualTo("harbor.example.com/quay-proxy/prometheus/node-exporter:v1");
  }

  @Test
  void digestsAndTagAtDigest_areKept_andKeyedByDigestAlone() {
    WarmTarget byDigest = mapped("nginx@" + DIGEST);
    WarmTarget tagAndDigest = mapped("nginx:1.25@" + DIGEST);
    assertThat(byDigest.harbor().full())
        .isEqualTo("harbor.example.com/dockerhub-proxy/library/nginx@" + DIGEST);
    assertThat(tagAndDigest.harbor().full())
        .isEqualTo("harbor.example.com/dockerhub-proxy/library/nginx:1.25@" + DIGEST);
    assertThat(tagAndDigest.harbor().manifestReference()).isEqualTo(DIGEST);
    assertThat(tagAndDigest.key()).isEqualTo(byDigest.key());
    assertThat(mapped("nginx:1.25").key())
        .isEqualTo("harbor.example.com/dockerhub-proxy/library/nginx:1.25");
  }

  @Test
  void seedScenario_pathIsProject_firstSegmentNamesTheProject() {
    WarmTarget t = mapped(ECR + "/dockerhub-proxy/library/nginx:1.25");
    assertThat(t.harbor().full())
        .isEqualTo("harbor.example.com/dockerhub-proxy/library/nginx:1.25");
    assertThat(t.project()).isEqualTo("dockerhub-proxy");
    assertThat(mapped(ECR + "/ghcr-proxy/acme/tools/cli@" + DIGEST).harbor().full())
        .isEqualTo("harbor.example.com/ghcr-proxy/acme/tools/cli@" + DIGEST);
  }

  @Test
  void seedScenario_dockerHubProject_singleSegmentGetsLibrary() {
    assertThat(mapped(ECR + "/dockerhub-proxy/nginx:1.25").harbor().full())
        .isEqualTo("harbor.example.com/dockerhub-proxy/library/nginx:1.25");
    assertThat(mapped(ECR + "/quay-proxy/nginx:1").harbor().full())
        .isEqualTo("harbor.example.com/quay-proxy/nginx:1");
  }

  @Test
  void seedScenario_singleSegmentPath_isNotMapped() {
    assertThat(unmapped(ECR + "/app:1").reason()).isEqualTo("no-project-segment");
  }

  @Test
  void unmappedRegistry_andInvalidImages_sayWhy() {
    Unmapped other = unmapped("ghcr.io/acme/app:1");
    assertThat(other.reason()).isEqualTo("no-project");
    assertThat(other.detail()).contains("ghcr.io");
    assertThat(unmapped("Nginx:1").reason()).isEqualTo("invalid");
    assertThat(unmapped("").reason()).isEqualTo("invalid");
  }

  @Test
  void registryMappedTwice_isRejected_namingIt() {
    assertThatThrownBy(
            () ->
                new HarborMapper(
                    "h.example.com",
                    List.of(
                        new ProjectConfig("docker.io", Optional.of("a"), null, null),
                        new ProjectConfig("index.docker.io", Optional.of("b"), null, null))))
        .hasMessageContaining("projects[1].registry")
        .hasMessageContaining("docker.io is mapped twice");
  }

  @Test
  void harborWithPort_isPartOfTheReference() {
    HarborMapper local =
        new HarborMapper(
            "127.0.0.1:8443",
            List.of(new ProjectConfig("docker.io", Optional.of("hub"), null, null)));
    var t = ((HarborMapper.Mapped) local.map("alpine")).target();
    assertThat(t.harbor().full()).isEqualTo("127.0.0.1:8443/hub/library/alpine:latest");
    assertThat(t.upstreamKey()).isEqualTo("127.0.0.1:8443/hub");
  }
}
