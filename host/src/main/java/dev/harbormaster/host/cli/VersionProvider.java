package dev.harbormaster.host.cli;

import dev.harbormaster.spi.SpiVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the host version from the jar manifest and the SPI version it implements. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = VersionProvider.class.getPackage().getImplementationVersion();
    return new String[] {
      "harbormaster " + (version == null ? "development build" : version),
      "plugin SPI " + SpiVersion.CURRENT
    };
  }
}
