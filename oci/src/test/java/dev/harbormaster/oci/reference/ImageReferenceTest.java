package dev.harbormaster.oci.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.oci.digest.Digest;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of {@code notes/image-references.md}, valid and invalid, with exact outputs. */
class ImageReferenceTest {

  static Stream<Arguments> validReferences() {
    return Stream.of(
        Arguments.of(
            "nginx",
            "docker.io/library/nginx:latest",
            "nginx",
            "docker.io",
            "library/nginx",
            "latest",
            ""),
        Arguments.of(
            "nginx:1.25",
            "docker.io/library/nginx:1.25",
            "nginx:1.25",
            "docker.io",
            "library/nginx",
            "1.25",
            ""),
        Arguments.of(
            "library/nginx",
            "docker.io/library/nginx:latest",
            "nginx",
            "docker.io",
            "library/nginx",
            "latest",
            ""),
        Arguments.of(
            "docker.io/nginx",
            "docker.io/library/nginx:latest",
            "nginx",
            "docker.io",
            "library/nginx",
            "latest",
            ""),
        Arguments.of(
            "docker.io/library/nginx:latest",
            "docker.io/library/nginx:latest",
            "nginx:latest",
            "docker.io",
            "library/nginx",
            "latest",
            ""),
        Arguments.of(
            "index.docker.io/nginx",
            "docker.io/library/nginx:latest",
            "nginx",
            "docker.io",
            "library/nginx",
            "latest",
            ""),
        Arguments.of(
            "index.docker.io/library/nginx:1",
            "docker.io/library/nginx:1",
            "nginx:1",
            "docker.io",
            "library/nginx",
            "1",
            ""),
        Arguments.of(
            "registry-1.docker.io/bitnami/redis:7",
            "docker.io/bitnami/redis:7",
            "bitnami/redis:7",
            "docker.io",
            "bitnami/redis",
            "7",
            ""),
        Arguments.of(
            "bitnami/redis",
            "docker.io/bitnami/redis:latest",
            "bitnami/redis",
            "docker.io",
            "bitnami/redis",
            "latest",
            ""),
        Arguments.of(
            "registry/app",
            "docker.io/registry/app:latest",
            "registry/app",
            "docker.io",
            "registry/app",
            "latest",
            ""),
        Arguments.of(
            "registry:5000/app",
            "registry:5000/app:latest",
            "registry:5000/app",
            "registry:5000",
            "app",
            "latest",
            ""),
        Arguments.of(
            "quay.io/nginx",
            "quay.io/nginx:latest",
            "quay.io/nginx",
            "quay.io",
            "nginx",
            "latest",
            ""),
        Arguments.of(
            "quay.io/acme/app:v1.2.3",
            "quay.io/acme/app:v1.2.3",
            "quay.io/acme/app:v1.2.3",
            "quay.io",
            "acme/app",
            "v1.2.3",
            ""),
        Arguments.of(
            "ghcr.io/a/b/c/d:x",
            "ghcr.io/a/b/c/d:x",
            "ghcr.io/a/b/c/d:x",
            "ghcr.io",
            "a/b/c/d",
            "x",
            ""),
        Arguments.of(
            "localhost/app",
            "localhost/app:latest",
            "localhost/app",
            "localhost",
            "app",
            "latest",
            ""),
        Arguments.of(
            "localhost:5000/app:1",
            "localhost:5000/app:1",
            "localhost:5000/app:1",
            "localhost:5000",
            "app",
            "1",
            ""),
        Arguments.of(
            "127.0.0.1:5000/team/app",
            "127.0.0.1:5000/team/app:latest",
            "127.0.0.1:5000/team/app",
            "127.0.0.1:5000",
            "team/app",
            "latest",
            ""),
        Arguments.of(
            "[::1]:5000/app:2",
            "[::1]:5000/app:2",
            "[::1]:5000/app:2",
            "[::1]:5000",
            "app",
            "2",
            ""),
        Arguments.of(
            "[2001:db8::1]/app",
            "[2001:db8::1]/app:latest",
            "[2001:db8::1]/app",
            "[2001:db8::1]",
            "app",
            "latest",
            ""),
        Arguments.of(
            "Registry.Example.com/app",
            "Registry.Example.com/app:latest",
            "Registry.Example.com/app",
            "Registry.Example.com",
            "app",
            "latest",
            ""),
        Arguments.of("Foo/bar", "Foo/bar:latest", "Foo/bar", "Foo", "bar", "latest", ""),
        Arguments.of(
            "localhost:5000",
            "docker.io/library/localhost:5000",
            "localhost:5000",
            "docker.io",
            "library/localhost",
            "5000",
            ""),
        Arguments.of(
            "nginx@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "docker.io/library/nginx@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "nginx@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "docker.io",
            "library/nginx",
            "",
            "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
        Arguments.of(
            "nginx:1.25@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "docker.io/library/nginx:1.25@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "nginx:1.25@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "docker.io",
            "library/nginx",
            "1.25",
            "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
        Arguments.of(
            "quay.io:443/a/b@sha512:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
            "quay.io:443/a/b@sha512:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
            "quay.io:443/a/b@sha512:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
            "quay.io:443",
            "a/b",
            "",
            "sha512:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"),
        Arguments.of(
            "a.b-c.d/x__y/z.w/q---r:_Tag-1.x",
            "a.b-c.d/x__y/z.w/q---r:_Tag-1.x",
            "a.b-c.d/x__y/z.w/q---r:_Tag-1.x",
            "a.b-c.d",
            "x__y/z.w/q---r",
            "_Tag-1.x",
            ""),
        Arguments.of(
            "nginx:tttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt",
            "docker.io/library/nginx:tttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt",
            "nginx:tttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt",
            "docker.io",
            "library/nginx",
            "tttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt",
            ""),
        Arguments.of(
            "docker.io/user/app",
            "docker.io/user/app:latest",
            "user/app",
            "docker.io",
            "user/app",
            "latest",
            ""),
        Arguments.of(
            "docker.io/library/a/b",
            "docker.io/library/a/b:latest",
            "library/a/b",
            "docker.io",
            "library/a/b",
            "latest",
            ""),
        Arguments.of(
            "q.io/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "q.io/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:latest",
            "q.io/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "q.io",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "latest",
            ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validReferences")
  void parsesAndNormalises_validReference(
      String input,
      String full,
      String familiar,
      String registry,
      String repository,
      String tag,
      String digest) {
    ImageReference ref = ImageReference.parse(input);

    assertThat(ref.full()).isEqualTo(full);
    assertThat(ref.toString()).isEqualTo(full);
    assertThat(ref.familiar()).isEqualTo(familiar);
    assertThat(ref.registry()).isEqualTo(registry);
    assertThat(ref.repository()).isEqualTo(repository);
    assertThat(ref.tag()).isEqualTo(tag.isEmpty() ? Optional.empty() : Optional.of(tag));
    assertThat(ref.digest().map(Digest::toString))
        .isEqualTo(digest.isEmpty() ? Optional.empty() : Optional.of(digest));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validReferences")
  void renderingsParseBackToTheSameReference(String input) {
    ImageReference ref = ImageReference.parse(input);

    assertThat(ImageReference.parse(ref.full())).isEqualTo(ref);
    assertThat(ImageReference.parse(ref.familiar())).isEqualTo(ref);
    assertThat(ImageReference.parse(ref.full()).full()).isEqualTo(ref.full());
  }

  static Stream<Arguments> invalidReferences() {
    return Stream.of(
        Arguments.of("", "must not be empty"),
        Arguments.of(" ", "must not contain whitespace or control characters"),
        Arguments.of("nginx ", "must not contain whitespace or control characters"),
        Arguments.of("ng	inx", "must not contain whitespace or control characters"),
        Arguments.of("Nginx", "repository path \"Nginx\" must be lower-case"),
        Arguments.of("quay.io/Acme/app", "repository path \"Acme/app\" must be lower-case"),
        Arguments.of("nginx:", "tag after ':' must not be empty"),
        Arguments.of("nginx:-x", "tag \"-x\" must match [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}"),
        Arguments.of("nginx:.x", "tag \".x\" must match [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}"),
        Arguments.of("nginx:a+b", "tag \"a+b\" must match [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}"),
        Arguments.of(
            "nginx:ttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt",
            "tag \"ttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt\" is 129 characters long; the limit is 128"),
        Arguments.of("nginx@", "digest after '@' must not be empty"),
        Arguments.of(
            "nginx@sha256:abc", "digest \"sha256:abc\": sha256 needs 64 hex characters, got 3"),
        Arguments.of(
            "nginx@sha256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "digest \"sha256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\": character 'A' at position 0 is not lower-case hex"),
        Arguments.of(
            "nginx@md5:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "digest \"md5:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\": unsupported algorithm \"md5\" (supported: sha256, sha512)"),
        Arguments.of(
            "nginx@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "digest \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\": expected <algorithm>:<hex>, e.g. sha256:<64 hex>"),
        Arguments.of(
            "nginx@sha512:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "digest \"sha512:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\": sha512 needs 128 hex characters, got 64"),
        Arguments.of(":latest", "repository name must not be empty"),
        Arguments.of(
            "@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "repository name must not be empty"),
        Arguments.of("/nginx", "repository path \"/nginx\" has an empty component"),
        Arguments.of("quay.io/", "repository path \"\" has an empty component"),
        Arguments.of("quay.io/a//b", "repository path \"a//b\" has an empty component"),
        Arguments.of("a/b/", "repository path \"a/b/\" has an empty component"),
        Arguments.of(
            "quay.io/a..b",
            "path component \"a..b\" must be lower-case letters and digits separated by '.', '_', '__' or '-'"),
        Arguments.of(
            "quay.io/a___b",
            "path component \"a___b\" must be lower-case letters and digits separated by '.', '_', '__' or '-'"),
        Arguments.of(
            "quay.io/-a",
            "path component \"-a\" must be lower-case letters and digits separated by '.', '_', '__' or '-'"),
        Arguments.of(
            "quay.io/a-",
            "path component \"a-\" must be lower-case letters and digits separated by '.', '_', '__' or '-'"),
        Arguments.of(
            "quay.io/a_-b",
            "path component \"a_-b\" must be lower-case letters and digits separated by '.', '_', '__' or '-'"),
        Arguments.of(
            "quay.io/a!b",
            "path component \"a!b\" must be lower-case letters and digits separated by '.', '_', '__' or '-'"),
        Arguments.of(
            "registry:5000/a:b/c",
            "path component \"a:b\" must be lower-case letters and digits separated by '.', '_', '__' or '-'"),
        Arguments.of(
            "a_b.io/app",
            "registry host \"a_b.io\" is not a valid host name (labels of letters, digits and '-' separated by '.')"),
        Arguments.of(
            "-a.io/app",
            "registry host \"-a.io\" is not a valid host name (labels of letters, digits and '-' separated by '.')"),
        Arguments.of(
            "a..io/app",
            "registry host \"a..io\" is not a valid host name (labels of letters, digits and '-' separated by '.')"),
        Arguments.of(":5000/app", "registry host \":5000\" has an empty host name"),
        Arguments.of("quay.io:/app", "port \"\" of registry host \"quay.io:\" must be 1 to 65535"),
        Arguments.of(
            "quay.io:99999/app",
            "port \"99999\" of registry host \"quay.io:99999\" must be 1 to 65535"),
        Arguments.of(
            "quay.io:0/app", "port \"0\" of registry host \"quay.io:0\" must be 1 to 65535"),
        Arguments.of(
            "quay.io:ab/app", "port \"ab\" of registry host \"quay.io:ab\" must be 1 to 65535"),
        Arguments.of("[::1/app", "registry host \"[::1\" has an unclosed '['"),
        Arguments.of("[]:5000/app", "registry host \"[]:5000\" has an empty IPv6 address"),
        Arguments.of(
            "[::g]/app", "registry host \"[::g]\" is not a valid IPv6 address in brackets"),
        Arguments.of(
            "[::1]x:5/app",
            "registry host \"[::1]x:5\" has characters after ']' that are not a :port"),
        Arguments.of(
            "q.io/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "name \"q.io/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" is 256 characters long; the limit is 255"),
        Arguments.of(
            "docker.io/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "name \"docker.io/library/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" is 256 characters long; the limit is 255"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidReferences")
  void rejectsInvalidReference_namingInputAndRule(String input, String reason) {
    assertThatThrownBy(() -> ImageReference.parse(input))
        .isInstanceOfSatisfying(
            InvalidReferenceException.class,
            e -> {
              assertThat(e.input()).isEqualTo(input);
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.getMessage())
                  .isEqualTo("invalid image reference \"" + input + "\": " + reason);
            });
    assertThat(ImageReference.tryParse(input)).isEmpty();
  }

  @Test
  void dockerHubAliasesAndImplicitLatest_areEqual() {
    assertThat(ImageReference.parse("nginx"))
        .isEqualTo(ImageReference.parse("docker.io/library/nginx:latest"))
        .isEqualTo(ImageReference.parse("index.docker.io/library/nginx"))
        .isEqualTo(ImageReference.parse("registry-1.docker.io/nginx:latest"))
        .hasSameHashCodeAs(ImageReference.parse("library/nginx:latest"));
    assertThat(ImageReference.parse("nginx")).isNotEqualTo(ImageReference.parse("nginx:1"));
  }

  @Test
  void implicitTag_isReportedAsDefaulted() {
    assertThat(ImageReference.parse("nginx").isTagDefaulted()).isTrue();
    assertThat(ImageReference.parse("nginx:latest").isTagDefaulted()).isFalse();
    assertThat(ImageReference.parse("nginx@sha256:" + "a".repeat(64)).isTagDefaulted()).isFalse();
  }

  @Test
  void manifestReference_prefersDigestOverTag() {
    String digest = "sha256:" + "c".repeat(64);
    assertThat(ImageReference.parse("a.io/b:1@" + digest).manifestReference()).isEqualTo(digest);
    assertThat(ImageReference.parse("a.io/b:1").manifestReference()).isEqualTo("1");
    assertThat(ImageReference.parse("a.io/b").manifestReference()).isEqualTo("latest");
  }

  @Test
  void apiEndpointHost_isRegistryOneForDockerHub() {
    assertThat(ImageReference.parse("nginx").apiEndpointHost()).isEqualTo("registry-1.docker.io");
    assertThat(ImageReference.parse("index.docker.io/a/b").apiEndpointHost())
        .isEqualTo("registry-1.docker.io");
    assertThat(ImageReference.parse("quay.io:8443/a").apiEndpointHost()).isEqualTo("quay.io:8443");
    assertThat(ImageReference.parse("nginx").isDockerHub()).isTrue();
    assertThat(ImageReference.parse("quay.io/nginx").isDockerHub()).isFalse();
  }

  @ParameterizedTest
  @MethodSource("loopbackCases")
  void recognisesLoopbackAndLocalNamespace(String input, boolean loopback, boolean local) {
    ImageReference ref = ImageReference.parse(input);
    assertThat(ref.isLoopback()).isEqualTo(loopback);
    assertThat(ref.isLocal()).isEqualTo(local);
  }

  static Stream<Arguments> loopbackCases() {
    return Stream.of(
        Arguments.of("localhost/app", true, true),
        Arguments.of("localhost:5000/app", true, false),
        Arguments.of("127.0.0.1:5000/app", true, false),
        Arguments.of("127.1.2.3/app", true, false),
        Arguments.of("[::1]:5000/app", true, false),
        Arguments.of("[::2]:5000/app", false, false),
        Arguments.of("128.0.0.1/app", false, false),
        Arguments.of("127.0.0.1.example.com/app", false, false),
        Arguments.of("localhost.example.com/app", false, false),
        Arguments.of("nginx", false, false));
  }

  @Test
  void withName_keepsTagAndDigest_andChecksLengthAgain() {
    String digest = "sha256:" + "d".repeat(64);
    ImageReference ref = ImageReference.parse("nginx:1.25@" + digest);

    assertThat(ref.withName("harbor.local/dockerhub/library/nginx").full())
        .isEqualTo("harbor.local/dockerhub/library/nginx:1.25@" + digest);
    assertThat(ImageReference.parse("nginx").withName("mirror.local/library/nginx").familiar())
        .isEqualTo("mirror.local/library/nginx");
    String longPrefix = "mirror.local/" + "p".repeat(230);
    assertThatThrownBy(() -> ref.withName(longPrefix + "/library/nginx"))
        .isInstanceOf(InvalidReferenceException.class)
        .hasMessageContaining("is 257 characters long; the limit is 255");
  }

  @Test
  void withTagAndWithDigest_replaceOnePart() {
    Digest digest = Digest.parse("sha256:" + "e".repeat(64));
    ImageReference ref = ImageReference.parse("quay.io/a/b");

    assertThat(ref.withDigest(digest).full()).isEqualTo("quay.io/a/b@" + digest);
    assertThat(ref.withTag("2").withDigest(digest).full()).isEqualTo("quay.io/a/b:2@" + digest);
    assertThatThrownBy(() -> ref.withTag("bad tag"))
        .hasMessage(
            "invalid image reference \"quay.io/a/b:bad tag\": tag \"bad tag\" must match"
                + " [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  }

  @Test
  void hugeInput_isRejectedWithoutScanningIt() {
    String huge = "a".repeat(1_000_000);
    assertThatThrownBy(() -> ImageReference.parse(huge))
        .isInstanceOfSatisfying(
            InvalidReferenceException.class,
            e -> {
              assertThat(e.input()).isEqualTo("a".repeat(64) + "...");
              assertThat(e.reason())
                  .isEqualTo("is 1000000 characters long; no valid reference exceeds 520");
            });
  }

  @Test
  void longestValidReference_isAccepted() {
    String name = "q.io/" + "a".repeat(250);
    String longest = name + ":" + "t".repeat(128) + "@sha512:" + "b".repeat(128);
    assertThat(longest).hasSize(520);
    assertThat(ImageReference.parse(longest).full()).isEqualTo(longest);
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> ImageReference.parse(null)).isInstanceOf(NullPointerException.class);
  }
}
