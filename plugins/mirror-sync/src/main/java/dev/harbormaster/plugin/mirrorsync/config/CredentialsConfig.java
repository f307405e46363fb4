package dev.harbormaster.plugin.mirrorsync.config;

import java.util.Optional;

/**
 * Registry credentials read from files at start-up: {@code usernameFile} and {@code passwordFile}
 * (as mounted from a Kubernetes Secret), or a docker {@code config.json} ({@code
 * dockerConfigFile}). Paths are relative to the config file's directory.
 *
 * @param usernameFile file holding the user name
 * @param passwordFile file holding the password or token
 * @param dockerConfigFile a docker {@code config.json} ({@code auths})
 */
public record CredentialsConfig(
    Optional<String> usernameFile,
    Optional<String> passwordFile,
    Optional<String> dockerConfigFile) {

  /** Requires exactly one of the two forms. */
  public CredentialsConfig {
    usernameFile = usernameFile == null ? Optional.empty() : usernameFile;
    passwordFile = passwordFile == null ? Optional.empty() : passwordFile;
    dockerConfigFile = dockerConfigFile == null ? Optional.empty() : dockerConfigFile;
    boolean pair = usernameFile.isPresent() || passwordFile.isPresent();
    if (pair && dockerConfigFile.isPresent()) {
      throw new IllegalArgumentException(
          "credentials: give either usernameFile and passwordFile, or dockerConfigFile, not both");
    }
    if (pair && (usernameFile.isEmpty() || passwordFile.isEmpty())) {
      throw new IllegalArgumentException(
          "credentials: usernameFile and passwordFile must be given together");
    }
    if (!pair && dockerConfigFile.isEmpty()) {
      throw new IllegalArgumentException(
          "credentials: give usernameFile and passwordFile, or dockerConfigFile");
    }
  }
}
