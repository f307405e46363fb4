package dev.harbormaster.spi.config;

/** A config block could not be bound to its record; the message names the JSON path and value. */
public final class ConfigBindingException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String path;

  /**
   * @param path JSON path of the offending field, relative to the bound block ({@code $} for the
   *     block itself)
   * @param message what is wrong
   */
  public ConfigBindingException(String path, String message, Throwable cause) {
    super(path + ": " + message, cause);
    this.path = path;
  }

  /** JSON path of the offending field, relative to the bound block. */
  public String path() {
    return path;
  }
}
