package dev.harbormaster.prefetch.agent.cli;

import dev.harbormaster.prefetch.agent.cri.CriClient;
import dev.harbormaster.prefetch.agent.cri.RuntimeImage;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code images}: lists the runtime's images (id, size, tags). */
@Command(name = "images", description = "List the images the runtime has (CRI ListImages).")
final class ImagesCommand implements Callable<Integer> {
  @Mixin SocketOption socket;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (CriClient cri = CriClient.connect(socket.locate())) {
      for (RuntimeImage i : cri.listImages()) {
        out.printf("%s\t%d\t%s%n", i.id(), i.size(), String.join(",", i.repoTags()));
      }
    }
    out.flush();
    return 0;
  }
}
