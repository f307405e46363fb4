package dev.harbormaster.prefetch.agent.cli;

import dev.harbormaster.prefetch.agent.cri.CriClient;
import dev.harbormaster.prefetch.agent.cri.RuntimeVersion;
import dev.harbormaster.prefetch.agent.node.AgentSettings;
import dev.harbormaster.prefetch.agent.node.LoopSettings;
import dev.harbormaster.prefetch.agent.node.NodeAgent;
import dev.harbormaster.prefetch.agent.node.NodePullLoop;
import dev.harbormaster.prefetch.agent.node.PullMetrics;
import dev.harbormaster.prefetch.agent.node.StatusReporter;
import dev.harbormaster.prefetch.agent.pull.DiskGuard;
import dev.harbormaster.prefetch.agent.pull.ImagePuller;
import dev.harbormaster.worker.RetryPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code run}: the DaemonSet's agent, until terminated. */
@Command(name = "run", description = "Run the node agent (in the DaemonSet).")
final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Mixin SocketOption socket;

  @Option(
      names = "--node",
      defaultValue = "${env:NODE_NAME}",
      description = "This node's name (env NODE_NAME)")
  String node;

  @Option(
      names = "--namespace",
      defaultValue = "${env:POD_NAMESPACE}",
      description = "Harbormaster's namespace (env POD_NAMESPACE)")
  String namespace;

  @Option(names = "--workers", defaultValue = "2", description = "Pulls at once (default 2)")
  int workers;

  @Option(
      names = "--attempts",
      defaultValue = "5",
      description = "Attempts before Error (default 5)")
  int attempts;

  @Option(
      names = "--report-interval",
      defaultValue = "10",
      description = "Least seconds between two status writes (default 10)")
  int reportSeconds;

  @Option(
      names = "--image-fs",
      paramLabel = "PATH",
      description =
          "Image filesystem mounted read-only (e.g. /var/lib/containerd): pulls wait while it has"
              + " less than --min-free-mb free")
  java.nio.file.Path imageFs;

  @Option(
      names = "--min-free-mb",
      defaultValue = "2048",
      description = "Free space kept on --image-fs (default 2048)")
  long minFreeMb;

  @Option(
      names = "--metrics-port",
      defaultValue = "9464",
      description = "Port of GET /metrics; 0 disables (default 9464)")
  int metricsPort;

  @Override
  public Integer call() throws Exception {
    AgentSettings settings =
        new AgentSettings(
            node,
            namespace,
            Duration.ofSeconds(1),
            Duration.ofSeconds(reportSeconds),
            Duration.ofMinutes(5));
    LoopSettings loopSettings =
        new LoopSettings(
            workers,
            1000,
            new RetryPolicy(attempts, Duration.ofSeconds(10), RetryPolicy.MAX_CAP),
            Duration.ofMinutes(10));
    CountDownLatch stop = new CountDownLatch(1);
    DiskGuard disk =
        imageFs == null ? DiskGuard.none() : DiskGuard.freeSpace(imageFs, minFreeMb * 1024 * 1024);
    MeterRegistry meters = new SimpleMeterRegistry();
    MetricsEndpoint endpoint = null;
    if (metricsPort > 0) {
      endpoint = new MetricsEndpoint(metricsPort);
      meters = endpoint.registry();
    }
    try (CriClient cri = CriClient.connect(socket.locate());
        KubernetesClient client = new KubernetesClientBuilder().build()) {
      RuntimeVersion version;
      try {
        version = cri.version();
      } catch (StatusRuntimeException e) {
        LOG.error("the CRI runtime at {} does not answer Version: {}", cri.socket(), e.getStatus());
        return 2;
      }
      LOG.info(
          "node {}: runtime {} (CRI {}) at {}",
          node,
          version.describe(),
          version.apiVersion(),
          cri.socket());
      NodePullLoop loop =
          new NodePullLoop(
              new ImagePuller(cri, ImagePuller.DEFAULT_DEADLINE, disk),
              loopSettings,
              InstantSource.system(),
              new PullMetrics(meters));
      try (NodeAgent agent =
          new NodeAgent(
              client,
              loop,
              new StatusReporter(client, settings.reportInterval(), InstantSource.system()),
              version.describe(),
              settings,
              InstantSource.system())) {
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
        agent.start();
        stop.await();
      }
    } finally {
      if (endpoint != null) {
        endpoint.close();
      }
    }
    return 0;
  }
}
