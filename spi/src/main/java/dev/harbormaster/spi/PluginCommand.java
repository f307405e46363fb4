package dev.harbormaster.spi;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * A command a plugin adds to the {@code harbormaster} command line, for work that is better run
 * once than on admission (for example {@code harbormaster mirror sync --config FILE --once}).
 *
 * <p>The host recognises {@code harbormaster <name> ...} for every loaded plugin that contributes a
 * command (annotate the implementation with {@link org.pf4j.Extension}, as for {@link
 * AdmissionPlugin}). It reads {@code --config FILE} from the arguments, loads the plugins and binds
 * the config of every instance of the contributing plugin exactly as {@code serve} does, then calls
 * {@link #run} with the remaining arguments. The command's config type is therefore the {@link
 * AdmissionPlugin#configType()} of the same plugin.
 *
 * @param <C> the plugin's config record
 */
public interface PluginCommand<C> extends ExtensionPoint {

  /** The command word, for example {@code mirror}; lower case, unique across plugins. */
  String name();

  /** One line for {@code harbormaster --help}. */
  String description();

  /**
   * Runs the command.
   *
   * @param args the arguments after the command word, without {@code --config FILE}
   * @param instances the configured instances of this plugin, in config order, each with its bound
   *     config and a context (its scheduler is shut down by the host after {@code run} returns)
   * @param io where to write output
   * @return the process exit code: 0 success, 1 failure, 2 usage error
   * @throws Exception on failure; the host prints it and exits 1
   */
  int run(List<String> args, List<ConfiguredInstance<C>> instances, CommandIo io) throws Exception;

  /**
   * One configured instance of the plugin.
   *
   * @param name the instance name
   * @param config the bound, validated config
   * @param context the instance's context (metrics, scheduler, config directory)
   * @param <C> the config record
   */
  record ConfiguredInstance<C>(String name, C config, PluginContext context) {}

  /**
   * The command's standard output and error.
   *
   * @param out standard output (results, plans)
   * @param err standard error (progress, diagnostics)
   */
  record CommandIo(java.io.PrintStream out, java.io.PrintStream err) {}
}
