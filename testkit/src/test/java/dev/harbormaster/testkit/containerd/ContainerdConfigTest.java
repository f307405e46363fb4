package dev.harbormaster.testkit.containerd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ContainerdConfigTest {

  private static final String DEFAULTS =
      """
      root = "/var/lib/containerd"
      state = "/run/containerd"
      version = 2

      [grpc]
        address = "/run/containerd/containerd.sock"

      [plugins]
        [plugins."io.containerd.grpc.v1.cri"]
          sandbox_image = "registry.k8s.io/pause:3.6"

          [plugins."io.containerd.grpc.v1.cri".registry]
            config_path = ""
      """
          .stripIndent();

  @Test
  void rewrite_movesRootStateSocketAndCertsDirUnderTheWorkDir() {
    Path dir = Path.of("/tmp/w");

    String config =
        ContainerdConfig.rewrite(
            DEFAULTS,
            dir.resolve("root"),
            dir.resolve("state"),
            dir.resolve("c.sock"),
            dir.resolve("certs.d"));

    assertThat(config)
        .contains("root = \"/tmp/w/root\"")
        .contains("state = \"/tmp/w/state\"")
        .contains("[grpc]\n  address = \"/tmp/w/c.sock\"")
        .contains("registry]\n      config_path = \"/tmp/w/certs.d\"")
        .contains("sandbox_image = \"registry.k8s.io/pause:3.6\"");
  }

  @Test
  void rewrite_failsNamingTheMissingSetting() {
    Path dir = Path.of("/tmp/w");

    assertThatThrownBy(
            () ->
                ContainerdConfig.rewrite(
                    DEFAULTS.replace("config_path", "configpath"), dir, dir, dir, dir))
        .hasMessageContaining("config_path");
  }

  @Test
  void plainHttpHosts_pointsTheServerAtHttp() {
    assertThat(ContainerdConfig.plainHttpHosts("127.0.0.1:5000"))
        .isEqualTo(
            """
            server = "http://127.0.0.1:5000"

            [host."http://127.0.0.1:5000"]
              capabilities = ["pull", "resolve"]
              skip_verify = true
            """);
  }
}
