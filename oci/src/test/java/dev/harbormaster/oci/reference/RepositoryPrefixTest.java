package dev.harbormaster.oci.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepositoryPrefixTest {

  @ParameterizedTest(name = "{0} ~ {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "quay.io/acme/foo      | quay.io/acme/foo:1         | true",
        "quay.io/acme/foo      | quay.io/acme/foo/bar       | true",
        "quay.io/acme/foo      | quay.io/acme/foo-bar       | false",
        "quay.io/acme/foo      | quay.io/acme/foobar        | false",
        "quay.io/acme/foo/     | quay.io/acme/foo/x         | true",
        "quay.io/acme          | quay.io/acme/foo           | true",
        "quay.io/acme          | quay.io/acmecorp/foo       | false",
        "quay.io               | quay.io/anything/at/all    | true",
        "quay.io               | quay.io.evil.com/x         | false",
        "docker.io             | nginx                      | true",
        "index.docker.io       | bitnami/redis              | true",
        "docker.io/library     | nginx:1.25                 | true",
        "docker.io/library     | bitnami/redis              | false",
        "docker.io/bitnami     | bitnami/redis              | true",
        "nginx                 | docker.io/library/nginx:1  | true",
        "nginx                 | nginx-unprivileged         | false",
        "registry:5000         | registry:5000/app          | true",
        "registry:5000         | registry:5001/app          | false",
        "registry:5000/team    | registry:5000/team/app     | true",
        "localhost             | localhost/app              | true",
        "localhost             | localhost:5000/app         | false",
      })
  void matchesAtWholePathSegmentBoundaries(String prefix, String image, boolean expected) {
    assertThat(RepositoryPrefix.parse(prefix).matches(ImageReference.parse(image)))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "docker.io/library/  | docker.io/library",
        "index.docker.io     | docker.io",
        "nginx               | docker.io/library/nginx",
        "bitnami/redis       | docker.io/bitnami/redis",
        "quay.io/acme        | quay.io/acme",
      })
  void normalisesPrefix(String prefix, String normalised) {
    assertThat(RepositoryPrefix.parse(prefix).toString()).isEqualTo(normalised);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''                | prefix must not be empty",
        "quay.io/app:1     | a prefix must not contain a tag",
        "bitnami/redis:7   | a prefix must not contain a tag",
        "quay.io/Acme      | repository path \"Acme\" must be lower-case",
        "a_b.io/x          | registry host \"a_b.io\" is not a valid host name (labels of letters,"
            + " digits and '-' separated by '.')",
      })
  void rejectsInvalidPrefix(String prefix, String reason) {
    assertThatThrownBy(() -> RepositoryPrefix.parse(prefix))
        .isInstanceOfSatisfying(
            InvalidReferenceException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @org.junit.jupiter.api.Test
  void remainder_isThePathBelowThePrefix() {
    RepositoryPrefix prefix = RepositoryPrefix.parse("quay.io/acme");
    assertThat(prefix.remainder(ImageReference.parse("quay.io/acme/team/app:1")))
        .isEqualTo("team/app");
    assertThat(RepositoryPrefix.parse("quay.io").remainder(ImageReference.parse("quay.io/a/b")))
        .isEqualTo("a/b");
    assertThatThrownBy(() -> prefix.remainder(ImageReference.parse("quay.io/acmecorp/x")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
