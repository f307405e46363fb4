package dev.harbormaster.oci.reference;

/**
 * Hand-written, linear-time checks for the parts of an image reference (no regular expressions:
 * this runs on the admission path for every container of every pod). Each check returns {@code
 * null} when the part is valid and otherwise the rule broken, phrased for {@link
 * InvalidReferenceException}.
 *
 * @see <a href="https://github.com/distribution/reference/blob/main/reference.go">grammar</a>
 */
final class ReferenceGrammar {
  static final int NAME_MAX_LENGTH = 255;
  static final int TAG_MAX_LENGTH = 128;

  private ReferenceGrammar() {}

  /**
   * Whether the first path segment names a registry host: it contains {@code .} or {@code :}, is
   * {@code localhost}, or has an upper-case letter (as in current reference libraries).
   */
  static boolean looksLikeHost(String s, int from, int to) {
    if (to - from == 9 && s.startsWith("localhost", from)) {
      return true;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '.' || c == ':' || (c >= 'A' && c <= 'Z')) {
        return true;
      }
    }
    return false;
  }

  /** {@code host[:port]} with host a DNS name, IPv4 address or bracketed IPv6 address. */
  static String hostProblem(String host) {
    int portColon;
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      if (close < 0) {
        return "registry host \"" + host + "\" has an unclosed '['";
      }
      if (close == 1) {
        return "registry host \"" + host + "\" has an empty IPv6 address";
      }
      for (int i = 1; i < close; i++) {
        char c = host.charAt(i);
        if (!(isHex(c) || c == ':')) {
          return "registry host \"" + host + "\" is not a valid IPv6 address in brackets";
        }
      }
      if (close + 1 < host.length() && host.charAt(close + 1) != ':') {
        return "registry host \"" + host + "\" has characters after ']' that are not a :port";
      }
      portColon = close + 1 < host.length() ? close + 1 : -1;
    } else {
      portColon = host.indexOf(':');
      int end = portColon < 0 ? host.length() : portColon;
      if (end == 0) {
        return "registry host \"" + host + "\" has an empty host name";
      }
      if (!isDomain(host, end)) {
        return "registry host \""
            + host
            + "\" is not a valid host name (labels of letters, digits and '-' separated by '.')";
      }
    }
    if (portColon >= 0) {
      return portProblem(host, host.substring(portColon + 1));
    }
    return null;
  }

  private static String portProblem(String host, String port) {
    boolean digits = !port.isEmpty() && port.length() <= 5;
    for (int i = 0; digits && i < port.length(); i++) {
      digits = port.charAt(i) >= '0' && port.charAt(i) <= '9';
    }
    if (!digits || Integer.parseInt(port) == 0 || Integer.parseInt(port) > 65535) {
      return "port \"" + port + "\" of registry host \"" + host + "\" must be 1 to 65535";
    }
    return null;
  }

  private static boolean isDomain(String s, int end) {
    int labelStart = 0;
    for (int i = 0; i <= end; i++) {
      if (i == end || s.charAt(i) == '.') {
        if (i == labelStart || s.charAt(labelStart) == '-' || s.charAt(i - 1) == '-') {
          return false;
        }
        labelStart = i + 1;
      } else {
        char c = s.charAt(i);
        if (!(isAlnum(c) || (c >= 'A' && c <= 'Z') || c == '-')) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * A repository path: components of lower-case alphanumerics separated by {@code .}, {@code _},
   * {@code __} or one or more {@code -}, joined by {@code /}.
   */
  static String pathProblem(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        return "repository path \"" + path + "\" must be lower-case";
      }
    }
    int start = 0;
    for (int i = 0; i <= path.length(); i++) {
      if (i == path.length() || path.charAt(i) == '/') {
        if (i == start) {
          return "repository path \"" + path + "\" has an empty component";
        }
        if (!isComponent(path, start, i)) {
          return "path component \""
              + path.substring(start, i)
              + "\" must be lower-case letters and digits separated by '.', '_', '__' or '-'";
        }
        start = i + 1;
      }
    }
    return null;
  }

  private static boolean isComponent(String s, int from, int to) {
    if (!isAlnum(s.charAt(from)) || !isAlnum(s.charAt(to - 1))) {
      return false;
    }
    int i = from;
    while (i < to) {
      char c = s.charAt(i);
      if (isAlnum(c)) {
        i++;
      } else if (c == '.') {
        i++;
        if (!isAlnum(s.charAt(i))) {
          return false;
        }
      } else if (c == '_') {
        i += s.charAt(i + 1) == '_' ? 2 : 1;
        if (!isAlnum(s.charAt(i))) {
          return false;
        }
      } else if (c == '-') {
        while (s.charAt(i) == '-') {
          i++;
        }
        if (!isAlnum(s.charAt(i))) {
          return false;
        }
      } else {
        return false;
      }
    }
    return true;
  }

  /** A tag: {@code [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}}. */
  static String tagProblem(String tag) {
    if (tag.isEmpty()) {
      return "tag after ':' must not be empty";
    }
    if (tag.length() > TAG_MAX_LENGTH) {
      return "tag \"" + tag + "\" is " + tag.length() + " characters long; the limit is 128";
    }
    for (int i = 0; i < tag.length(); i++) {
      char c = tag.charAt(i);
      boolean word = isAlnum(c) || (c >= 'A' && c <= 'Z') || c == '_';
      if (!(word || (i > 0 && (c == '.' || c == '-')))) {
        return "tag \"" + tag + "\" must match [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}";
      }
    }
    return null;
  }

  private static boolean isAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
