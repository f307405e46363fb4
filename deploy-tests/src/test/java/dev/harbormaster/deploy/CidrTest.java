package dev.harbormaster.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link Cidr} matches addresses bit by bit, per family, and refuses what is not a CIDR. */
class CidrTest {
  @Test
  void containsAddressesInsideThePrefix_only() {
    Cidr net = Cidr.parse("198.51.100.0/23");

    assertThat(net.contains(Cidr.literal("198.51.100.1"))).isTrue();
    assertThat(net.contains(Cidr.literal("198.51.101.255"))).isTrue();
    assertThat(net.contains(Cidr.literal("198.51.102.0"))).isFalse();
  }

  @Test
  void prefixZero_containsEveryAddressOfItsFamily_andNoneOfTheOther() {
    assertThat(Cidr.parse("0.0.0.0/0").contains(Cidr.literal("203.0.113.9"))).isTrue();
    assertThat(Cidr.parse("0.0.0.0/0").contains(Cidr.literal("2001:db8::1"))).isFalse();
    assertThat(Cidr.parse("2001:db8::/32").contains(Cidr.literal("2001:db8:ffff::1"))).isTrue();
  }

  @Test
  void refusesTextThatIsNotACidr_namingIt() {
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0")).hasMessageContaining("'10.0.0.0'");
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("/33");
    assertThatThrownBy(() -> Cidr.parse("registry.example.com/24"))
        .hasMessageContaining("registry.example.com");
  }
}
