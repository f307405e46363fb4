package dev.harbormaster.plugin.harborproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.oci.registry.AuthenticationException;
import dev.harbormaster.oci.registry.RegistryClient;
import dev.harbormaster.plugin.harborproxy.config.PopulatorConfig;
import dev.harbormaster.testkit.registry.HarborFront;
import dev.harbormaster.testkit.registry.RegistryPeer;
import dev.harbormaster.testkit.registry.RegistryPeers;
import dev.harbormaster.testkit.registry.TestImage;
import dev.harbormaster.testkit.registry.TestImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials from files against a real Harbor stand-in that requires Basic auth for every request,
 * as Harbor does for robot accounts (nginx {@code auth_basic} in front of the proxy).
 */
class HarborClientsTest {
  @RegisterExtension static final RegistryPeers PEERS = new RegistryPeers();

  private static HarborFront harbor;
  private static TestImage image;

  @TempDir Path dir;

  @BeforeAll
  static void peers() {
    RegistryPeer upstream = PEERS.plain();
    image = TestImages.singlePlatform(71);
    image.pushWithSkopeo(upstream, "acme/app:v1");
    harbor =
        PEERS.start(
            HarborFront.builder().basicAuth("robot$warm", "s3cret").proxyProject("hub", upstream));
  }

  private RegistryClient client(String credentials) {
    PopulatorConfig c =
        Configs.bind(
            """
            harbor: {url: "http://%s", plainHttp: true, %s}
            projects: [{registry: docker.io, project: hub}]
            """
                .formatted(harbor.host(), credentials));
    return HarborClients.create(c.harbor(), dir, "test");
  }

  private static ImageReference ref() {
    return ImageReference.parse(harbor.host() + "/hub/acme/app:v1");
  }

  @Test
  void usernameAndPasswordFiles_authenticate_trailingNewlineStripped() throws Exception {
    Files.writeString(dir.resolve("username"), "robot$warm\n");
    Files.writeString(dir.resolve("password"), "s3cret\n");
    RegistryClient client = client("credentials: {usernameFile: username, passwordFile: password}");
    assertThat(client.getManifest(ref()).digest().toString()).isEqualTo(image.top().digest());
  }

  @Test
  void dockerConfigJson_authenticates() throws Exception {
    String auth =
        Base64.getEncoder().encodeToString("robot$warm:s3cret".getBytes(StandardCharsets.UTF_8));
    Files.writeString(
        dir.resolve("config.json"),
        "{\"auths\":{\"" + harbor.host() + "\":{\"auth\":\"" + auth + "\"}}}");
    RegistryClient client = client("credentials: {dockerConfigFile: config.json}");
    assertThat(client.getManifest(ref()).digest().toString()).isEqualTo(image.top().digest());
  }

  @Test
  void withoutCredentials_harborRefuses() {
    assertThatThrownBy(() -> client("requestAttempts: 1").getManifest(ref()))
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void unreadableOrEmptyFiles_areNamed() throws Exception {
    assertThatThrownBy(() -> client("credentials: {usernameFile: nope, passwordFile: nope}"))
        .hasMessageContaining("harbor.credentials.usernameFile")
        .hasMessageContaining("nope");
    Files.writeString(dir.resolve("empty"), "\n");
    Files.writeString(dir.resolve("user"), "u");
    assertThatThrownBy(() -> client("credentials: {usernameFile: user, passwordFile: empty}"))
        .hasMessageContaining("harbor.credentials.passwordFile")
        .hasMessageContaining("is empty");
    Files.writeString(dir.resolve("helper.json"), "{\"credsStore\":\"desktop\",\"auths\":{}}");
    assertThatThrownBy(() -> client("credentials: {dockerConfigFile: helper.json}"))
        .hasMessageContaining("harbor.credentials.dockerConfigFile")
        .hasMessageContaining("credsStore");
  }
}
