package dev.harbormaster.host.plugins.testplugin;

import dev.harbormaster.spi.AdmissionHandler;
import dev.harbormaster.spi.AdmissionPlugin;
import dev.harbormaster.spi.Decision;
import dev.harbormaster.spi.PluginContext;
import dev.harbormaster.spi.Scope;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/** A validating test plugin that denies objects whose name is listed in its config. */
@Extension
public final class DenyNamedPlugin implements AdmissionPlugin<DenyNamedPlugin.Config> {
  /**
   * @param names object names to deny
   */
  public record Config(List<String> names) {
    /** Defaults to no names. */
    public Config {
      names = names == null ? List.of() : List.copyOf(names);
    }
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public Set<Scope> scopes() {
    return Set.of(Scope.VALIDATING);
  }

  @Override
  public AdmissionHandler start(Config config, PluginContext context) {
    return review ->
        review.name().filter(config.names()::contains).isPresent()
            ? Decision.deny(403, "name " + review.name().get() + " is not allowed")
            : Decision.allow();
  }
}
