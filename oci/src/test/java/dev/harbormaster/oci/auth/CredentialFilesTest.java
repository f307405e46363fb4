package dev.harbormaster.oci.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialFilesTest {
  @TempDir Path dir;

  private static CredentialFiles pair(String user, String password) {
    return new CredentialFiles(Optional.of(user), Optional.of(password), Optional.empty());
  }

  @Test
  void exactlyOneOfTheTwoForms_isAccepted() {
    assertThatThrownBy(
            () -> new CredentialFiles(Optional.of("u"), Optional.of("p"), Optional.of("c.json")))
        .hasMessage("give either usernameFile and passwordFile, or dockerConfigFile, not both");
    assertThatThrownBy(() -> new CredentialFiles(Optional.of("u"), null, null))
        .hasMessage("usernameFile and passwordFile must be given together");
    assertThatThrownBy(() -> new CredentialFiles(null, null, null))
        .hasMessage("give usernameFile and passwordFile, or dockerConfigFile");
  }

  @Test
  void filesRelativeToTheConfigDirectory_becomeTheHostsCredential_stripped() throws Exception {
    Files.writeString(dir.resolve("user"), "robot$mirror\n");
    Files.writeString(dir.resolve("password"), " s3cret \n");

    Keyring keyring = pair("user", "password").keyring("harbor.local", dir, "target.credentials");

    assertThat(keyring.credentialsFor("harbor.local", "mirror/library/nginx"))
        .containsExactly(new Credential("robot$mirror", "s3cret"));
  }

  @Test
  void aDockerConfig_givesEveryEntry() throws Exception {
    Files.writeString(
        dir.resolve("config.json"),
        "{\"auths\":{\"registry.local:5000\":{\"username\":\"a\",\"password\":\"b\"}}}");

    Keyring keyring =
        new CredentialFiles(Optional.empty(), Optional.empty(), Optional.of("config.json"))
            .keyring("ignored.example", dir, "harbor.credentials");

    assertThat(keyring.credentialsFor("registry.local:5000", "x"))
        .containsExactly(new Credential("a", "b"));
  }

  @Test
  void unreadableEmptyOrUnusableFiles_areNamedWithTheirField() throws Exception {
    assertThatThrownBy(() -> pair("nope", "nope").keyring("h", dir, "harbor.credentials"))
        .hasMessageStartingWith("harbor.credentials.usernameFile: cannot read")
        .hasMessageContaining("nope");
    Files.writeString(dir.resolve("user"), "u");
    Files.writeString(dir.resolve("empty"), "\n");
    assertThatThrownBy(() -> pair("user", "empty").keyring("h", dir, "registries[0].credentials"))
        .hasMessageStartingWith("registries[0].credentials.passwordFile: file")
        .hasMessageEndingWith("is empty");
    Files.writeString(dir.resolve("helper.json"), "{\"credsStore\":\"desktop\",\"auths\":{}}");
    assertThatThrownBy(
            () ->
                new CredentialFiles(Optional.empty(), Optional.empty(), Optional.of("helper.json"))
                    .keyring("h", dir, "target.credentials"))
        .hasMessageStartingWith("target.credentials.dockerConfigFile: ")
        .hasMessageContaining("credsStore");
  }
}
