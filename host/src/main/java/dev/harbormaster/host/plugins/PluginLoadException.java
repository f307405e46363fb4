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
}
