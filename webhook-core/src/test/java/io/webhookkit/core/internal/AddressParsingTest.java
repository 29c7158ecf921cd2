package io.webhookkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** IP literals, CIDR blocks and the client behind proxies. */
class AddressParsingTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "0.0.0.0",
        "255.255.255.255",
        "::1",
        "::",
        "2001:db8::1",
        "fe80::1%eth0",
        "[2001:db8::1]",
        "2001:0db8:0000:0000:0000:ff00:0042:8329",
        "::ffff:192.0.2.1",
        "1::",
        "1:2:3:4:5:6:7:8",
        "::1.2.3.4",
        "64:ff9b::192.0.2.33"
      })
  void literalsParseAsTheJdkParsesThem(String literal) throws Exception {
    byte[] ours = IpAddresses.parse(literal);
    String plain = literal.replace("[", "").replace("]", "");
    int zone = plain.indexOf('%');
    byte[] jdk = InetAddress.getByName(zone < 0 ? plain : plain.substring(0, zone)).getAddress();
    assertThat(ours).isEqualTo(jdk);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "localhost", "example.com", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.-4",
        "1:2:3:4:5:6:7:8:9", "1::2::3", ":::", "12345::", "::g", "1.2.3.4:80", "[::1", "fe80::1%",
        "1:2:3:4:5:6:7:1.2.3.4", " 1.2.3.4"
      })
  void nonLiteralsAreRefusedWithoutDns(String text) {
    assertThat(IpAddresses.parse(text)).isNull();
  }

  /** The loopback check on text (no array for IPv4) answers what parsing and checking answer. */
  @Test
  void loopbackOnTextAgreesWithTheParsedAddress() {
    // the JDK reads an IPv4-mapped IPv6 literal as the IPv4 address, and so does parse
    List<String> loopback =
        List.of(
            "127.0.0.1",
            "127.255.255.254",
            "127.1.2.3",
            "::1",
            "[::1]",
            "0:0:0:0:0:0:0:1",
            "::ffff:127.0.0.1");
    List<String> other =
        List.of(
            "126.255.255.255",
            "128.0.0.1",
            "10.0.0.1",
            "0127.0.0.1",
            "127.0.0.01",
            "127.0.0.1.",
            "127.0.0",
            "127.0.0.256",
            "[127.0.0.1]",
            "localhost",
            "",
            " 127.0.0.1");
    for (String text : loopback) {
      assertThat(IpAddresses.isLoopback(text)).as(text).isTrue();
      assertThat(IpAddresses.isLoopback(IpAddresses.parse(text))).as(text).isTrue();
    }
    for (String text : other) {
      assertThat(IpAddresses.isLoopback(text)).as(text).isFalse();
      assertThat(IpAddresses.isLoopback(IpAddresses.parse(text))).as(text).isFalse();
    }
    assertThat(IpAddresses.isLoopback((String) null)).isFalse();
  }

  @Test
  void blocksMatchTheirMembersOnly() {
    CidrBlock v4 = CidrBlock.parse("192.0.2.0/25");
    assertThat(v4.contains(IpAddresses.parse("192.0.2.127"))).isTrue();
    assertThat(v4.contains(IpAddresses.parse("192.0.2.128"))).isFalse();
    assertThat(v4.contains(IpAddresses.parse("::ffff:192.0.2.1"))).isTrue();
    CidrBlock v6 = CidrBlock.parse("2001:db8::/33");
    assertThat(v6.contains(IpAddresses.parse("2001:db8:7fff::1"))).isTrue();
    assertThat(v6.contains(IpAddresses.parse("2001:db8:8000::1"))).isFalse();
    assertThat(v6.contains(IpAddresses.parse("192.0.2.1"))).isFalse();
    assertThat(CidrBlock.parse("::ffff:10.0.0.0/104").contains(IpAddresses.parse("10.1.2.3")))
        .isTrue();
    assertThat(CidrBlock.parse("0.0.0.0/0").contains(IpAddresses.parse("8.8.8.8"))).isTrue();
    assertThat(CidrBlock.parse("10.1.2.3/8").toString()).isEqualTo("10.0.0.0/8");
  }

  @Test
  void hostNamesAreRefusedAtConfiguration() {
    assertThatThrownBy(() -> CidrBlock.parse("hooks.stripe.com"))
        .hasMessageContaining("host names");
  }

  private final ClientResolver resolver =
      new ClientResolver(AddressSet.parse(List.of("10.0.0.0/8", "127.0.0.1")));

  @Test
  void withoutATrustedPeerTheHeadersAreIgnored() {
    ClientResolver.Client c =
        resolver.resolve(
            "198.51.100.1",
            false,
            List.of("for=127.0.0.1;proto=https"),
            List.of("127.0.0.1"),
            List.of("https"));
    assertThat(c.display()).isEqualTo("198.51.100.1");
    assertThat(c.secure()).isFalse();
    assertThat(IpAddresses.isLoopback(c.address())).isFalse();
  }

  @Test
  void theChainIsWalkedFromTheRightThroughTrustedProxiesOnly() {
    // The client claims to be 10.9.9.9 (trusted) but its real address, appended by the proxy, is
    // not.
    ClientResolver.Client c =
        resolver.resolve(
            "10.0.0.5", false, List.of(), List.of("10.9.9.9, 203.0.113.7, 10.0.0.4"), List.of());
    assertThat(c.display()).isEqualTo("203.0.113.7");
  }

  @Test
  void protoIsAlignedWithHopsFromTheRight() {
    // A spoofed "https" from the client, then the edge proxy's honest "http".
    ClientResolver.Client spoofed =
        resolver.resolve(
            "10.0.0.5", false, List.of(), List.of("203.0.113.7"), List.of("https, http"));
    assertThat(spoofed.secure()).isFalse();
    ClientResolver.Client honest =
        resolver.resolve("10.0.0.5", false, List.of(), List.of("203.0.113.7"), List.of("https"));
    assertThat(honest.secure()).isTrue();
  }

  @Test
  void forwardedHeaderWithIpv6AndPortsIsRead() {
    ClientResolver.Client c =
        resolver.resolve(
            "127.0.0.1",
            false,
            List.of("for=\"[2001:db8:cafe::17]:4711\";proto=https;by=10.0.0.1"),
            List.of("ignored when Forwarded is present"),
            List.of());
    assertThat(c.display()).isEqualTo("2001:db8:cafe:0:0:0:0:17");
    assertThat(c.secure()).isTrue();
  }

  @Test
  void anUnknownOrObfuscatedClientIsNotLoopback() {
    ClientResolver.Client c =
        resolver.resolve("127.0.0.1", false, List.of("for=unknown"), List.of(), List.of());
    assertThat(c.address()).isNull();
    assertThat(IpAddresses.isLoopback(c.address())).isFalse();
  }
}
