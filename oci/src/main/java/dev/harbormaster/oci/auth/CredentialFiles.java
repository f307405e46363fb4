package dev.harbormaster.oci.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Registry credentials, read from files at start-up: either {@code usernameFile} and {@code
 * passwordFile} (as mounted from a Kubernetes Secret), or a docker {@code config.json} ({@code
 * dockerConfigFile}). Paths are relative to the config file's directory.
 *
 * @param usernameFile file holding the user name
 * @param passwordFile file holding the password, token or robot secret
 * @param dockerConfigFile a docker {@code config.json} ({@code auths})
 */
public record CredentialFiles(
    Optional<String> usernameFile,
    Optional<String> passwordFile,
    Optional<String> dockerConfigFile) {

  /** Requires exactly one of the two forms (the binder prefixes the field's path). */
  public CredentialFiles {
    usernameFile = usernameFile == null ? Optional.empty() : usernameFile;
    passwordFile = passwordFile == null ? Optional.empty() : passwordFile;
    dockerConfigFile = dockerConfigFile == null ? Optional.empty() : dockerConfigFile;
    boolean pair = usernameFile.isPresent() || passwordFile.isPresent();
    if (pair && dockerConfigFile.isPresent()) {
      throw new IllegalArgumentException(
          "give either usernameFile and passwordFile, or dockerConfigFile, not both");
    }
    if (pair && (usernameFile.isEmpty() || passwordFile.isEmpty())) {
      throw new IllegalArgumentException("usernameFile and passwordFile must be given together");
    }
    if (!pair && dockerConfigFile.isEmpty()) {
      throw new IllegalArgumentException("give usernameFile and passwordFile, or dockerConfigFile");
    }
  }

  /**
   * Reads the files into a keyring: the pair as the credential for {@code host}, or every entry of
   * the docker config.
   *
   * @param configDir the directory relative paths resolve against
   * @param field this block's path in the config (for example {@code harbor.credentials}), named
   *     with the file in every error
   * @throws IllegalArgumentException naming the field and the file: unreadable or empty file, a
   *     docker config Harbormaster cannot use
   */
  public Keyring keyring(String host, Path configDir, String field) {
    if (dockerConfigFile.isPresent()) {
      Path file = configDir.resolve(dockerConfigFile.get());
      String name = field + ".dockerConfigFile";
      try {
        return PullSecretKeyring.builder()
            .addDockerConfigJson(read(file, name), file.toString())
            .build();
      } catch (InvalidCredentialsException e) {
        throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
      }
    }
    String user = text(configDir.resolve(usernameFile.orElseThrow()), field + ".usernameFile");
    String password = text(configDir.resolve(passwordFile.orElseThrow()), field + ".passwordFile");
    return Keyring.single(host, new Credential(user, password));
  }

  private static String text(Path file, String field) {
    String value = new String(read(file, field), StandardCharsets.UTF_8).strip();
    if (value.isEmpty()) {
      throw new IllegalArgumentException(field + ": file " + file + " is empty");
    }
    return value;
  }

  private static byte[] read(Path file, String field) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(field + ": cannot read " + file + ": " + e, e);
    }
  }
}
