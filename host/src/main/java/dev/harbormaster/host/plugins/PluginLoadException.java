package dev.harbormaster.host.plugins;

import java.util.List;

/** Plugin jars were refused; the message lists each jar and why, one per line. */
public final class PluginLoadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param problems one message per refused jar
   */
  public PluginLoadException(List<String> problems) {
    super(String.join("\n", problems));
  }

  /**
   * @param problem what failed
   * @param cause the exception behind it; its message and every cause's are appended to {@code
   *     problem}, so the log shows why and not only the outermost wrapper
   */
  public PluginLoadException(String problem, Throwable cause) {
    super(problem + ": " + chain(cause), cause);
  }

  /** {@code outer; caused by: inner; caused by: ...}, at most eight deep, without repetition. */
  static String chain(Throwable e) {
    StringBuilder out = new StringBuilder(String.valueOf(e));
    Throwable seen = e;
    for (int depth = 0; depth < 8 && seen.getCause() != null && seen.getCause() != seen; depth++) {
      seen = seen.getCause();
      out.append("; caused by: ").append(seen);
    }
    return out.toString();
  }
}
