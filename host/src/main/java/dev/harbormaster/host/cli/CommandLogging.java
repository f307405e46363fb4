package dev.harbormaster.host.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.harbormaster.host.config.LoadedConfig;
import dev.harbormaster.host.observability.LoggingSetup;
import org.slf4j.LoggerFactory;

/**
 * Logging of a plugin command: the config's {@code server.logFormat} on stderr, as for {@code
 * serve}, but without PF4J's per-plugin INFO lines (load, start, stop, unload), which say nothing
 * to someone running {@code harbormaster mirror sync --once}; PF4J warnings and errors still show.
 * {@code DEBUG=1} keeps them.
 */
final class CommandLogging {
  private CommandLogging() {}

  static void configure(LoadedConfig loaded) {
    boolean debug = LoggingSetup.debugRequested();
    LoggingSetup.configure(loaded.config().server().logFormat(), debug);
    if (!debug && LoggerFactory.getLogger("org.pf4j") instanceof Logger pf4j) {
      pf4j.setLevel(Level.WARN);
    }
  }
}
