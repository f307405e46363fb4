package dev.harbormaster.oci.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostAllowListTest {
  private static final HostAllowList LIST =
      new HostAllowList(List.of("harbor.local", "127.0.0.1:5000", "*.example.com", "docker.io"));

  @ParameterizedTest
  @CsvSource({
    "harbor.local, true",
    "harbor.local:8443, true",
    "127.0.0.1:5000, true",
    "127.0.0.1:5001, false",
    "a.example.com, true",
    "a.b.example.com:443, true",
    "example.com, false",
    "evilexample.com, false",
    "registry-1.docker.io, true",
    "quay.io, false",
  })
  void allowsListedHostsOnly(String host, boolean allowed) {
    assertThat(LIST.allows(host)).isEqualTo(allowed);
  }

  @ParameterizedTest
  @CsvSource({"127.0.0.1:5000, true", "a.example.com, false", "harbor.local:1, true"})
  void explicitListing_ignoresWildcards(String host, boolean explicit) {
    assertThat(LIST.listsExplicitly(host)).isEqualTo(explicit);
  }
}
