package dev.harbormaster.oci.reference;

/** Docker Hub's host aliases. */
final class DockerHub {
  private DockerHub() {}

  /** {@code docker.io} for any of Docker Hub's names, otherwise {@code host} unchanged. */
  static String normalise(String host) {
    return switch (host) {
      case "docker.io", "index.docker.io", "registry-1.docker.io" -> ImageReference.DOCKER_HUB;
      default -> host;
    };
  }
}
