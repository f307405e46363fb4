package dev.harbormaster.testkit.registry;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request from a peer's access log in the "combined" format that both docker-registry (on
 * stdout) and nginx write: {@code 127.0.0.1 - - [date] "GET /v2/ HTTP/1.1" 200 2 "" "curl/8"}.
 *
 * @param method HTTP method, e.g. {@code GET}
 * @param uri request URI as sent, path plus query, e.g. {@code /v2/foo/tags/list?n=10}
 * @param status response status
 * @param bytes response body bytes written ({@code 0} when logged as {@code -})
 * @param userAgent the client's User-Agent header
 */
public record AccessLogEntry(String method, String uri, int status, long bytes, String userAgent) {

  private static final Pattern COMBINED =
      Pattern.compile(
          "^\\S+ \\S+ \\S+ \\[[^\\]]+\\] \"(\\S+) (\\S+) [^\"]*\" (\\d{3}) (\\d+|-)"
              + "(?: \"[^\"]*\" \"([^\"]*)\")?.*$");

  /** Parses one log line; lines that are not access entries give an empty result. */
  public static Optional<AccessLogEntry> parse(String line) {
    Matcher m = COMBINED.matcher(line);
    if (!m.matches()) {
      return Optional.empty();
    }
    long bytes = m.group(4).equals("-") ? 0 : Long.parseLong(m.group(4));
    String agent = m.group(5) == null ? "" : m.group(5);
    return Optional.of(
        new AccessLogEntry(m.group(1), m.group(2), Integer.parseInt(m.group(3)), bytes, agent));
  }

  /** The URI without its query string. */
  public String path() {
    int q = uri.indexOf('?');
    return q < 0 ? uri : uri.substring(0, q);
  }

  /**
   * True when the method equals {@code method} and the path matches the regex {@code pathRegex}.
   */
  public boolean matches(String method, String pathRegex) {
    return this.method.equals(method) && path().matches(pathRegex);
  }
}
