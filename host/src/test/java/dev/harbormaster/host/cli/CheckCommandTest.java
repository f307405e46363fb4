package dev.harbormaster.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  @TempDir Path dir;
  private CliFixture cli;

  @BeforeEach
  void setUp() throws Exception {
    cli = new CliFixture(dir);
  }

  @Test
  void validConfig_withRealPluginJars_printsOk() throws Exception {
    Path config =
        cli.config(
            """
            server: {plainHttp: true}
            plugins: {dir: plugins}
            instances:
              - {name: hello, plugin: greeting, scope: mutating, config: {greeting: hi}}
              - {name: no-forbidden, plugin: deny-named, scope: validating, config: {names: [x]}}
            """);

    assertThat(cli.run("check", "--config", config.toString())).isZero();
    assertThat(cli.out).startsWith("OK: ").contains("hello (greeting), no-forbidden (deny-named)");
  }

  @Test
  void pluginConfigProblems_nameFileInstanceAndPath_andExitOne() throws Exception {
    Path config =
        cli.config(
            """
            server: {plainHttp: true}
            instances:
              - {name: hello, plugin: greeting, scope: mutating, config: {greeting: hi, colour: red}}
              - {name: typo, plugin: greetng, scope: mutating}
            """);

    assertThat(cli.run("check", "--config", config.toString())).isEqualTo(1);
    assertThat(cli.err)
        .contains(config + ": instance 'hello': instances[0].config.colour: unknown field 'colour'")
        .contains(config + ": instance 'typo': instances[1].plugin: unknown plugin id 'greetng'")
        .contains("deny-named, greeting");
  }

  @Test
  void missingTlsFiles_areNamed() throws Exception {
    Path config =
        cli.config(
            """
            server: {tls: {certFile: tls/tls.crt, keyFile: tls/tls.key}}
            instances: []
            """);

    assertThat(cli.run("check", "--config", config.toString())).isEqualTo(1);
    assertThat(cli.err).contains("tls.crt");
  }
}
