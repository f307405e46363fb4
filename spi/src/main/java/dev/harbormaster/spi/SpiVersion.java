package dev.harbormaster.spi;

/**
 * The semantic version of this SPI.
 *
 * <p>Plugins declare the range they accept in the {@code Plugin-Requires} manifest entry (PF4J's
 * semver expression syntax, for example {@code >=1.0.0 & <2.0.0}); the host refuses a plugin whose
 * range does not contain {@link #CURRENT}. Additions bump the minor version; removals and changes
 * of meaning bump the major version.
 */
public final class SpiVersion {
  /** The version of the SPI this host implements. */
  public static final String CURRENT = "1.1.0";

  private SpiVersion() {}
}
