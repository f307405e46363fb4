package dev.harbormaster.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.deploy.dockerfile.Stage;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prefetch agent's image (plugins/prefetch/agent/Dockerfile) fits the agent and its DaemonSet:
 * the ENTRYPOINT runs the copied runnable jar, whose manifest names the agent's main class; the
 * DaemonSet's args select a command of that jar; the exposed port is the metrics port. Then the
 * image's command line runs for real with the DaemonSet's args and environment: it gets as far as
 * looking for the CRI socket the DaemonSet mounts (there is none here), which shows the jar starts
 * and accepts every argument the DaemonSet passes.
 */
class AgentImageTest {
  private static final ContainerImage IMAGE = ContainerImage.AGENT;
  private static final String AGENT_MAIN = "dev.harbormaster.prefetch.agent.cli.AgentMain";

  @TempDir Path dir;

  private static Stage image() {
    return IMAGE.dockerfile().finalStage();
  }

  private static Container container() {
    return IMAGE.container(Overlay.CERT_MANAGER.render());
  }

  @Test
  void theEntrypoint_runsTheCopiedAgentJar_whoseMainClassIsTheAgents() throws IOException {
    List<String> entrypoint = ImageCommand.entrypoint(image());
    ImageFilesystem fs = ImageFilesystem.assemble(IMAGE, dir);
    String jar = entrypoint.get(entrypoint.indexOf("-jar") + 1);

    assertThat(entrypoint.getFirst()).isEqualTo(ImageCommand.IMAGE_JAVA);
    assertThat(fs.copyTo(jar).sources())
        .singleElement()
        .satisfies(p -> assertThat(p.getFileName().toString()).endsWith("-all.jar"));
    try (JarFile f = new JarFile(fs.resolve(jar).toFile())) {
      assertThat(f.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(AGENT_MAIN);
    }
  }

  @Test
  void theDaemonSet_keepsTheEntrypoint_andRunsTheImagesCommand() {
    Container c = container();
    List<String> cmd = image().last("CMD").orElseThrow().execFormOrFail();

    assertThat(c.getCommand()).isNullOrEmpty();
    assertThat(c.getArgs().getFirst()).isEqualTo(cmd.getFirst()).isEqualTo("run");
  }

  @Test
  void theExposedPort_isTheDaemonSetsMetricsPort() {
    assertThat(image().last("EXPOSE").orElseThrow().words())
        .containsExactly(String.valueOf(container().getPorts().getFirst().getContainerPort()));
  }

  @Test
  void theImagesCommandLine_withTheDaemonSetsArgs_startsTheAgent_upToTheMissingCriSocket()
      throws Exception {
    Container c = container();
    ImageFilesystem fs = ImageFilesystem.assemble(IMAGE, dir);
    for (var m : c.getVolumeMounts()) {
      Files.createDirectories(fs.resolve(m.getMountPath()));
    }
    ImageCommand command = ImageCommand.of(image(), c).local(fs, HostImageTest.currentJava());
    List<String> args = new ArrayList<>(command.command());
    // Port 0: no fixed port on this shared machine (the DaemonSet uses the default, 9464).
    args.addAll(List.of("--metrics-port", "0"));
    Map<String, String> env = new HashMap<>(command.environment());
    Map<String, String> downwardApi =
        Map.of("spec.nodeName", "node-1", "metadata.namespace", "harbormaster-system");
    for (EnvVar e : c.getEnv()) {
      if (e.getValueFrom() != null && e.getValueFrom().getFieldRef() != null) {
        String field = e.getValueFrom().getFieldRef().getFieldPath();
        assertThat(downwardApi).as("a field the test can fill in").containsKey(field);
        env.put(e.getName(), downwardApi.get(field));
      }
    }
    int socketArg = c.getArgs().indexOf("--socket");
    Path socket = fs.resolve(c.getArgs().get(socketArg + 1));

    try (ContainerProcess agent = ContainerProcess.start(new ImageCommand(args, env), dir)) {
      assertThat(agent.awaitExit(Duration.ofMinutes(2))).as(agent.stderr()).contains(2);
      assertThat(agent.stderr())
          .contains("harbormaster-agent: CRI socket " + socket + " (--socket) does not exist")
          .doesNotContain("Unknown option");
    }
  }
}
