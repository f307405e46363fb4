package dev.harbormaster.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.host.Main;
import dev.harbormaster.host.config.InstanceConfig;
import dev.harbormaster.testkit.pki.KeyEncoding;
import dev.harbormaster.testkit.pki.KeyType;
import dev.harbormaster.testkit.pki.TestPki;
import dev.harbormaster.testkit.pki.TlsFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The config in the ConfigMap passes {@code harbormaster check} with the shipped plugins. */
class ConfigCheckTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Overlay.class)
  void theConfigMapsConfig_passesHarbormasterCheck_withTheDistributionsPlugins(Overlay overlay) {
    TlsFiles tls = TestPki.create(KeyType.EC_P256).writeServerFiles(dir, KeyEncoding.PKCS8);
    Path config =
        DeployedConfig.of(overlay.render())
            .writeLocal(dir, tls, DeployedConfig.pluginDirectory(), false);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exit =
        Main.run(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            "check",
            "--config",
            config.toString());

    assertThat(exit).as("exit of check; stderr: %s", err).isZero();
    assertThat(out.toString())
        .contains(
            "(image-rewriter)",
            "(deny-latest)",
            "(harbor-proxy-populator)",
            "(mirror-sync)",
            "(prefetch)");
  }

  @ParameterizedTest
  @EnumSource(Overlay.class)
  void everyInstance_runsInAuditMode_andNeverBlocksAdmission(Overlay overlay) {
    List<InstanceConfig> instances =
        DeployedConfig.of(overlay.render()).load(dir).config().instances();

    assertThat(instances)
        .extracting(InstanceConfig::plugin)
        .contains(
            "image-rewriter", "deny-latest", "harbor-proxy-populator", "mirror-sync", "prefetch");
    assertThat(instances).allSatisfy(i -> assertThat(i.dryRun()).as(i.name()).isTrue());
    assertThat(instances)
        .allSatisfy(i -> assertThat(i.failurePolicy().name()).as(i.name()).isEqualTo("ALLOW"));
  }
}
