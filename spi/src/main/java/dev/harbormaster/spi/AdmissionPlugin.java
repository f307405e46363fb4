package dev.harbormaster.spi;

import java.util.List;
import java.util.Set;
import org.pf4j.ExtensionPoint;

/**
 * The extension point a Harbormaster plugin implements, once per plugin jar.
 *
 * <p>Annotate the implementation with {@link org.pf4j.Extension}; PF4J's annotation processor lists
 * it in the jar. The plugin id is the jar's {@code Plugin-Id} manifest entry, and it is what a
 * config instance names in {@code plugin:}.
 *
 * <pre>{@code
 * @Extension
 * public final class DenyLatestPlugin implements AdmissionPlugin<DenyLatestConfig> {
 *   public Class<DenyLatestConfig> configType() { return DenyLatestConfig.class; }
 *   public Set<Scope> scopes() { return Set.of(Scope.VALIDATING); }
 *   public AdmissionHandler start(DenyLatestConfig config, PluginContext context) {
 *     return review -> ...;
 *   }
 * }
 * }</pre>
 *
 * @param <C> the plugin's config record; the instance's {@code config} block is bound to it
 *     strictly (unknown fields are errors)
 */
public interface AdmissionPlugin<C> extends ExtensionPoint {

  /**
   * The record the {@code config} block of an instance binds to. Jackson binds it with unknown
   * properties rejected; {@code java.time.Duration} fields accept {@code 500ms}, {@code 2s}, {@code
   * 10m}, {@code 1h30m} and ISO-8601. Validate in the record's compact constructor (throw {@link
   * IllegalArgumentException} naming the field and the value) or in {@link #validate}.
   */
  Class<C> configType();

  /** The scopes this plugin can run in; an instance configured for another scope is refused. */
  Set<Scope> scopes();

  /**
   * Further checks of a bound config, run at start-up and by {@code harbormaster check}.
   *
   * @return problems, each naming the field (as a JSON path below {@code config}) and the value;
   *     empty when the config is valid
   */
  default List<ConfigProblem> validate(C config) {
    return List.of();
  }

  /**
   * Starts one instance. Called once per configured instance, at host start-up. Start background
   * work on {@link PluginContext#scheduler()}, never on the admission path.
   *
   * @param config the instance's validated config
   * @param context what the host offers this instance
   * @return the handler that reviews requests for this instance
   * @throws Exception when the instance cannot start; the host fails start-up and names the
   *     instance
   */
  AdmissionHandler start(C config, PluginContext context) throws Exception;
}
