package dev.harbormaster.deploy;

import dev.harbormaster.deploy.dockerfile.Dockerfile;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The two images deploy/ runs, each with its Dockerfile, the Maven module its build stage builds,
 * and the workload that runs it. {@link #builtOutputs()} is where that module's {@code target/}
 * (the Dockerfile's build output) is in this build, so that the image's files can be checked
 * against what the build really produced.
 */
enum ContainerImage {
  /** The host: Dockerfile at the root, builds the distribution, run by the Deployment. */
  HOST("Dockerfile", "dist", r -> r.one(Deployment.class, "harbormaster").getSpec().getTemplate()),
  /** The prefetch agent: builds the agent's jar, run by the DaemonSet. */
  AGENT(
      "plugins/prefetch/agent/Dockerfile",
      "plugins/prefetch/agent",
      r -> r.one(DaemonSet.class, "harbormaster-prefetch-agent").getSpec().getTemplate());

  private final String dockerfile;
  private final String module;
  private final Function<Rendered, PodTemplateSpec> template;

  ContainerImage(String dockerfile, String module, Function<Rendered, PodTemplateSpec> template) {
    this.dockerfile = dockerfile;
    this.module = module;
    this.template = template;
  }

  /** The repository root (the build context of both images). */
  static Path repositoryRoot() {
    return Overlay.deployDirectory().getParent();
  }

  /** The Dockerfile's path relative to the repository root. */
  String dockerfilePath() {
    return dockerfile;
  }

  /** The Maven module (relative path) the build stage builds. */
  String module() {
    return module;
  }

  /** The parsed Dockerfile. */
  Dockerfile dockerfile() {
    return Dockerfile.read(repositoryRoot().resolve(dockerfile));
  }

  /** The pod template of the workload that runs this image. */
  PodTemplateSpec template(Rendered rendered) {
    return template.apply(rendered);
  }

  /** The workload's (only) container. */
  Container container(Rendered rendered) {
    return template(rendered).getSpec().getContainers().getFirst();
  }

  /**
   * The directory that is the module's {@code target/} in this build: {@code dist/<build dir>} for
   * the host; for the agent, the directory of its runnable jar as Maven resolved it (this reactor's
   * build, or the local repository when deploy-tests is built alone).
   *
   * @throws AssertionError when it does not exist (build the module first)
   */
  Path builtOutputs() {
    Path dir =
        switch (this) {
          case HOST ->
              repositoryRoot()
                  .resolve(module)
                  .resolve(System.getProperty("deploy.build.dir", "target"));
          case AGENT -> Path.of(System.getProperty("deploy.agent.jar", "")).getParent();
        };
    if (dir == null || !Files.isDirectory(dir)) {
      throw new AssertionError(
          "the build output of " + module + " (" + dir + ") does not exist: package it first");
    }
    return dir.toAbsolutePath().normalize();
  }
}
