package dev.harbormaster.plugin.denylatest;

import dev.harbormaster.spi.AdmissionHandler;
import dev.harbormaster.spi.AdmissionPlugin;
import dev.harbormaster.spi.ConfigProblem;
import dev.harbormaster.spi.PluginContext;
import dev.harbormaster.spi.Scope;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/**
 * The plugin's entry point: PF4J's annotation processor lists this class in the jar's {@code
 * META-INF/extensions.idx}, and the host instantiates it once per jar (no-argument constructor).
 *
 * <p>The host binds each instance's {@code config:} block to {@link #configType()}, calls {@link
 * #validate} and then {@link #start} with the bound record. The returned handler reviews every
 * request matching the instance.
 *
 * <pre>{@code
 * instances:
 *   - name: deny-latest
 *     plugin: deny-latest
 *     scope: validating
 *     config: { exemptNamespaces: [kube-system] }
 * }</pre>
 */
@Extension
public final class DenyLatestPlugin implements AdmissionPlugin<DenyLatestConfig> {

  /** Needed by PF4J, which instantiates extensions reflectively. */
  public DenyLatestPlugin() {}

  @Override
  public Class<DenyLatestConfig> configType() {
    return DenyLatestConfig.class;
  }

  /** Validating only: the plugin decides, it never changes the object. */
  @Override
  public Set<Scope> scopes() {
    return Set.of(Scope.VALIDATING);
  }

  /** Reports values that bind but make no sense, each with its path below {@code config}. */
  @Override
  public List<ConfigProblem> validate(DenyLatestConfig config) {
    return config.problems();
  }

  /** Starts one instance; there is no background work, so nothing to schedule or stop. */
  @Override
  public AdmissionHandler start(DenyLatestConfig config, PluginContext context) {
    return new LatestTagPolicy(config);
  }
}
