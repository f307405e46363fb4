package dev.harbormaster.prefetch.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.prefetch.agent.PullSecrets;
import dev.harbormaster.testkit.containerd.ContainerdNode;
import dev.harbormaster.testkit.registry.RegistryPeer;
import dev.harbormaster.testkit.registry.RegistryPeers;
import dev.harbormaster.testkit.registry.TestImages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code harbormaster-agent pull} and {@code images} against a real containerd and registry. */
class PullCommandTest {
  @RegisterExtension static final RegistryPeers peers = new RegistryPeers();

  @TempDir Path dir;

  private static String run(int expectedExit, String... args) {
    StringWriter out = new StringWriter();
    CommandLine cli = AgentMain.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out, true));
    assertThat(cli.execute(args)).as("exit code, output: %s", out).isEqualTo(expectedExit);
    return out.toString();
  }

  @Test
  void aMissingSocket_isOneLineNamingTheOption() {
    String out = run(2, "images", "--socket", dir.resolve("none.sock").toString());
    assertThat(out)
        .isEqualTo(
            "harbormaster-agent: CRI socket "
                + dir.resolve("none.sock")
                + " (--socket) does not exist\n");
  }

  @Test
  void pullsAPrivateImage_withAnAuthFile_andCtrSeesIt() throws Exception {
    ContainerdNode node = ContainerdNode.start(peers);
    RegistryPeer registry = node.trustedRegistry(RegistryPeer.builder().htpasswd("op", "secret"));
    String ref = node.push(TestImages.singlePlatform(761), registry, "ops/tool:v1");
    Path auth =
        Files.writeString(
            dir.resolve("config.json"), PullSecrets.authsJson(registry.host(), "op", "secret"));
    String socket = node.containerd().socket().toString();

    String first = run(0, "pull", "--socket", socket, "--auth-file", auth.toString(), ref);
    String second = run(0, "pull", "--socket", socket, "--auth-file", auth.toString(), ref);
    String missing = run(1, "pull", "--socket", socket, registry.imageRef("ops/none:v1"));

    assertThat(first)
        .contains("runtime: containerd")
        .containsPattern(ref + "\tpulled\tsha256:[0-9a-f]{64}\t\\d+ ms");
    assertThat(second).containsPattern(ref + "\tpresent\tsha256:");
    assertThat(missing).contains("\tfailed\t");
    assertThat(node.containerd().imageNames()).contains(ref);
    assertThat(run(0, "images", "--socket", socket)).contains(ref);
  }
}
