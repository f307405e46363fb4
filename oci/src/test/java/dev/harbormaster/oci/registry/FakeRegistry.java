package dev.harbormaster.oci.registry;

import mockwebserver3.MockWebServer;

/** A client for a MockWebServer standing in for a registry (faults only, see each test). */
final class FakeRegistry {
  private FakeRegistry() {}

  static String host(MockWebServer server) {
    return server.getHostName() + ":" + server.getPort();
  }

  static RegistryClient client(MockWebServer server) {
    return RegistryClient.builder()
        .allowHosts(host(server))
        .insecureHosts(host(server))
        .retries(
            new dev.harbormaster.oci.transport.Backoff(
                2, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(2)))
        .build();
  }
}
