package dev.harbormaster.prefetch.agent.cli;

import dev.harbormaster.oci.auth.Keyring;
import dev.harbormaster.oci.auth.PullSecretKeyring;
import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.prefetch.agent.cri.CriClient;
import dev.harbormaster.prefetch.agent.pull.ImagePuller;
import dev.harbormaster.prefetch.agent.pull.PullOutcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pull}: pulls images through the CRI and prints per image outcome, image id and time. */
@Command(name = "pull", description = "Pull images through the CRI, as the agent would.")
final class PullCommand implements Callable<Integer> {
  @Mixin SocketOption socket;

  @Option(
      names = "--auth-file",
      paramLabel = "FILE",
      description = "Docker config.json with credentials (matched per registry like kubelet)")
  Path authFile;

  @Parameters(arity = "1..*", paramLabel = "IMAGE")
  List<String> images;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Keyring keyring =
        authFile == null
            ? Keyring.anonymous()
            : PullSecretKeyring.builder().addDockerConfigFile(authFile).build();
    int failed = 0;
    try (CriClient cri = CriClient.connect(socket.locate())) {
      out.println("runtime: " + cri.version().describe());
      ImagePuller puller = new ImagePuller(cri, ImagePuller.DEFAULT_DEADLINE);
      for (String image : images) {
        String ref = ImageReference.parse(image).full();
        long start = System.nanoTime();
        PullOutcome outcome = puller.pull(ref, keyring, "");
        long ms = (System.nanoTime() - start) / 1_000_000;
        switch (outcome) {
          case PullOutcome.AlreadyPresent p ->
              out.printf("%s\tpresent\t%s\t%d ms%n", ref, p.imageRef(), ms);
          case PullOutcome.Pulled p -> out.printf("%s\tpulled\t%s\t%d ms%n", ref, p.imageRef(), ms);
          case PullOutcome.Failed f -> {
            failed++;
            out.printf(
                "%s\tfailed\t%s: %s\t%d ms%n",
                ref, f.failure().reason(), f.failure().message(), ms);
          }
        }
      }
    }
    out.flush();
    return failed == 0 ? 0 : 1;
  }
}
