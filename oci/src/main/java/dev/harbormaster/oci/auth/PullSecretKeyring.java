package dev.harbormaster.oci.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Credentials from Kubernetes pull secrets ({@code kubernetes.io/dockerconfigjson} with {@code
 * .dockerconfigjson}, legacy {@code kubernetes.io/dockercfg} with {@code .dockercfg}) and Docker
 * {@code config.json} files, matched like kubelet (see {@link RegistryKeyPattern}): every matching
 * key, most specific first (kubelet's reverse lexical order of keys), then anonymous.
 *
 * <p>Credential helpers ({@code credsStore}, {@code credHelpers}) are not run: a config that uses
 * them is rejected with an error saying so.
 *
 * @see <a href="https://kubernetes.io/docs/concepts/containers/images/#config-json">kubelet and
 *     config.json</a>
 */
public final class PullSecretKeyring implements Keyring {
  private static final Logger LOG = LoggerFactory.getLogger(PullSecretKeyring.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Map<RegistryKeyPattern, List<Credential>> entries;
  private final List<RegistryKeyPattern> order;

  private PullSecretKeyring(Map<RegistryKeyPattern, List<Credential>> entries) {
    this.entries = entries;
    this.order =
        entries.keySet().stream()
            .sorted(Comparator.comparing(RegistryKeyPattern::key).reversed())
            .toList();
  }

  /** A builder to which several secrets and config files can be added, in order. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public List<Credential> credentialsFor(String registry, String repository) {
    List<Credential> out = new ArrayList<>();
    for (RegistryKeyPattern k : order) {
      if (k.matches(registry, repository)) {
        for (Credential c : entries.get(k)) {
          if (!out.contains(c)) {
            out.add(c);
          }
        }
      }
    }
    return out;
  }

  /** Collects credential entries from secrets and config files. */
  public static final class Builder {
    private final Map<RegistryKeyPattern, List<Credential>> entries = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a Docker {@code config.json} or the {@code .dockerconfigjson} of a pull secret: {@code
     * {"auths": {key: {auth | username, password}}}}.
     *
     * @param source names the file or secret in error messages
     * @throws InvalidCredentialsException when it is not such a document or uses credential helpers
     */
    public Builder addDockerConfigJson(byte[] json, String source) {
      JsonNode root = read(json, source);
      for (String helper : List.of("credsStore", "credHelpers")) {
        JsonNode h = root.path(helper);
        boolean used = h.isString() ? !h.stringValue().isEmpty() : h.isObject() && !h.isEmpty();
        if (used) {
          throw new InvalidCredentialsException(
              source
                  + ": uses \""
                  + helper
                  + "\"; Harbormaster does not run credential helpers: put the credentials in"
                  + " \"auths\" (username/password or auth)");
        }
      }
      JsonNode auths = root.path("auths");
      if (!auths.isObject()) {
        throw new InvalidCredentialsException(source + ": has no \"auths\" object");
      }
      addMap(auths, source);
      return this;
    }

    /**
     * Adds the {@code .dockercfg} of a legacy pull secret: the bare {@code {key: {auth | username,
     * password}}} map.
     */
    public Builder addDockerCfg(byte[] json, String source) {
      addMap(read(json, source), source);
      return this;
    }

    /**
     * Adds a Kubernetes pull secret given its {@code type} and its {@code data} (values base64, as
     * in the Secret object): {@code kubernetes.io/dockerconfigjson} reads {@code
     * .dockerconfigjson}, {@code kubernetes.io/dockercfg} reads {@code .dockercfg}.
     *
     * @param name e.g. {@code namespace/secret}, for error messages
     * @throws InvalidCredentialsException for another type, a missing key or bad content
     */
    public Builder addPullSecret(String name, String type, Map<String, String> data) {
      String key =
          switch (type) {
            case "kubernetes.io/dockerconfigjson" -> ".dockerconfigjson";
            case "kubernetes.io/dockercfg" -> ".dockercfg";
            default ->
                throw new InvalidCredentialsException(
                    "secret "
                        + name
                        + " has type \""
                        + type
                        + "\"; pull secrets are kubernetes.io/dockerconfigjson or"
                        + " kubernetes.io/dockercfg");
          };
      String encoded = data.get(key);
      if (encoded == null) {
        throw new InvalidCredentialsException("secret " + name + " has no " + key + " key");
      }
      byte[] json;
      try {
        json = Base64.getDecoder().decode(encoded.trim());
      } catch (IllegalArgumentException e) {
        throw new InvalidCredentialsException("secret " + name + ": " + key + " is not base64");
      }
      String source = "secret " + name + " " + key;
      return key.equals(".dockercfg")
          ? addDockerCfg(json, source)
          : addDockerConfigJson(json, source);
    }

    /**
     * Adds a Docker {@code config.json} file.
     *
     * @throws java.io.IOException when it cannot be read
     */
    public Builder addDockerConfigFile(java.nio.file.Path file) throws java.io.IOException {
      return addDockerConfigJson(java.nio.file.Files.readAllBytes(file), file.toString());
    }

    /** Adds one entry, e.g. from plugin configuration. */
    public Builder add(String key, Credential credential) {
      entries
          .computeIfAbsent(RegistryKeyPattern.parse(key), k -> new ArrayList<>())
          .add(credential);
      return this;
    }

    /** The keyring. */
    public PullSecretKeyring build() {
      Map<RegistryKeyPattern, List<Credential>> copy = new LinkedHashMap<>();
      entries.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      return new PullSecretKeyring(copy);
    }

    private void addMap(JsonNode map, String source) {
      for (var e : map.properties()) {
        String key = e.getKey();
        JsonNode v = e.getValue();
        String where = source + ": entry \"" + key + "\"";
        if (!v.isObject()) {
          throw new InvalidCredentialsException(where + " must be an object");
        }
        String user = text(v, "username");
        String pass = text(v, "password");
        String auth = text(v, "auth");
        if (!auth.isEmpty()) {
          String decoded;
          try {
            decoded = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
          } catch (IllegalArgumentException ex) {
            throw new InvalidCredentialsException(where + ": \"auth\" is not base64");
          }
          int colon = decoded.indexOf(':');
          if (colon <= 0) {
            throw new InvalidCredentialsException(
                where + ": \"auth\" must be base64 of user:password");
          }
          user = decoded.substring(0, colon);
          pass = decoded.substring(colon + 1);
        }
        if (user.isEmpty()) {
          LOG.warn("{} has no auth, username or password: ignored", where);
          continue;
        }
        add(key, new Credential(user, pass));
      }
    }

    private static JsonNode read(byte[] json, String source) {
      try {
        JsonNode root = JSON.readTree(json);
        if (root == null || !root.isObject()) {
          throw new InvalidCredentialsException(source + ": is not a JSON object");
        }
        return root;
      } catch (JacksonException e) {
        throw new InvalidCredentialsException(
            source + ": is not valid JSON: " + e.getOriginalMessage());
      }
    }

    private static String text(JsonNode n, String field) {
      JsonNode v = n.path(field);
      return v.isString() ? v.stringValue() : "";
    }
  }
}
