package dev.harbormaster.oci.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressGuardTest {

  @ParameterizedTest(name = "{0} loopbackAllowed={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "169.254.169.254    | true  | address 169.254.169.254 is a cloud metadata endpoint",
        "169.254.1.1        | true  | address 169.254.1.1 is link-local",
        "fe80::1            | true  | address fe80:0:0:0:0:0:0:1 is link-local",
        "fd00:ec2::254      | true  | address fd00:ec2:0:0:0:0:0:254 is a cloud metadata endpoint",
        "::ffff:169.254.169.254 | true | address 169.254.169.254 is a cloud metadata endpoint",
        "0.0.0.0            | true  | address 0.0.0.0 is the unspecified address",
        "127.0.0.1          | false | address 127.0.0.1 is loopback (allow the host explicitly to permit it)",
        "::1                | false | address 0:0:0:0:0:0:0:1 is loopback (allow the host explicitly to permit it)",
        "127.0.0.1          | true  | ''",
        "10.1.2.3           | false | ''",
        "192.168.1.10       | false | ''",
        "8.8.8.8            | false | ''",
      })
  void refusesLinkLocalMetadataAndUnallowedLoopback(
      String address, boolean loopbackAllowed, String refusal) throws Exception {
    // IP literals: InetAddress.getByName does not query DNS for them.
    assertThat(AddressGuard.refusalFor(InetAddress.getByName(address), loopbackAllowed))
        .isEqualTo(refusal.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(refusal));
  }

  @ParameterizedTest
  @CsvSource({
    "metadata.google.internal, true",
    "METADATA.GOOGLE.INTERNAL., true",
    "metadata, true",
    "quay.io, false",
  })
  void refusesMetadataHostNames(String host, boolean refused) {
    assertThat(AddressGuard.refusalForName(host).isPresent()).isEqualTo(refused);
  }
}
