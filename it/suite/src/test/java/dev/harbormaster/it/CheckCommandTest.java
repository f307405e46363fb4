package dev.harbormaster.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.testkit.pki.KeyEncoding;
import dev.harbormaster.testkit.pki.KeyType;
import dev.harbormaster.testkit.pki.TestPki;
import dev.harbormaster.testkit.pki.TlsFiles;
import dev.harbormaster.testkit.process.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code harbormaster check --config FILE} through the distribution's launcher. */
class CheckCommandTest {
  @TempDir Path dir;

  @Test
  void badConfig_exitsNonZero_namingEachInstanceAndPath() {
    Cli.workspace(dir, "bad-config.yaml");

    CommandResult result = Cli.run(dir, "check", "--config", "@bad-config.yaml");

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stderr())
        .contains("instance 'no-latest'")
        .contains("instances[0].config.exemptNamespace: unknown field 'exemptNamespace'")
        .contains("instance 'bad-ns'")
        .contains("instances[1].config.exemptNamespaces[0]: 'Kube_System' is not a namespace name")
        .contains("instance 'ghost'")
        .contains("instances[2].plugin: unknown plugin id 'no-such-plugin'")
        .containsPattern("plugins loaded from .*: .*deny-latest, .*it-stamp");
  }

  @Test
  void goodConfig_exitsZero_listingTheInstances() {
    Cli.workspace(dir, "review-config.yaml");

    CommandResult result = Cli.run(dir, "check", "--config", "@review-config.yaml");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdoutText()).contains("stamp (it-stamp), deny-latest (deny-latest)");
  }

  /** The shipped example is valid once its certificate paths point at real files. */
  @Test
  void shippedExampleConfig_passesCheck() throws IOException {
    TlsFiles tls =
        TestPki.create(KeyType.EC_P256).writeServerFiles(dir.resolve("tls"), KeyEncoding.PKCS8);
    String example =
        Files.readString(Distribution.home().resolve("config/example.yaml"))
            .replace("/etc/harbormaster/tls/tls.crt", tls.certFile().toString())
            .replace("/etc/harbormaster/tls/tls.key", tls.keyFile().toString());
    Files.writeString(dir.resolve("example.yaml"), example);

    CommandResult result = Cli.run(dir, "check", "--config", "@example.yaml");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdoutText())
        .contains("deny-latest (deny-latest), deny-latest-audit (deny-latest)");
  }
}
