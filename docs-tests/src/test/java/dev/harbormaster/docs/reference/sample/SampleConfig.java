package dev.harbormaster.docs.reference.sample;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A config record for the generator's own tests. It has one of each kind of field.
 *
 * @param name the {@code name} of the thing (default {@code demo})
 * @param port a port (default 8080)
 * @param timeout how long to wait (default 2s)
 * @param color the {@link Color} of the thing
 * @param tags free tags
 * @param labels labels by key
 * @param limits the limits
 * @param targets where to send things; each needs a {@code host}
 * @param note an optional note
 * @param renamedField a field with another YAML name
 * @param spread {@code everywhere} (default) or a list of zones
 */
public record SampleConfig(
    String name,
    Integer port,
    Duration timeout,
    Color color,
    List<String> tags,
    Map<String, String> labels,
    Limits limits,
    List<Target> targets,
    Optional<String> note,
    @JsonProperty("renamed") @JsonAlias("oldName") String renamedField,
    Spread spread) {

  /** Fills defaults. */
  public SampleConfig {
    name = name == null ? "demo" : name;
    port = port == null ? 8080 : port;
    timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
    color = color == null ? Color.RED : color;
    tags = tags == null ? List.of() : List.copyOf(tags);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    limits = limits == null ? new Limits(null) : limits;
    targets = targets == null ? List.of() : List.copyOf(targets);
    note = note == null ? Optional.empty() : note;
    renamedField = renamedField == null ? "" : renamedField;
    spread = spread == null ? Spread.EVERYWHERE : spread;
  }

  /** A color. */
  public enum Color {
    /** The color of fire trucks. */
    RED,
    /** The color of the sky, {@code blue}. */
    BLUE
  }

  /**
   * Limits.
   *
   * @param max the most (default 3)
   */
  public record Limits(Integer max) {
    /** Fills the default. */
    public Limits {
      max = max == null ? 3 : max;
    }
  }

  /**
   * One target.
   *
   * @param host the host; required
   * @param weight its weight
   */
  public record Target(String host, Integer weight) {
    /** Requires a host. */
    public Target {
      if (host == null) throw new IllegalArgumentException("host is required");
      weight = weight == null ? 1 : weight;
    }
  }

  /**
   * Where things go: {@code everywhere} or a list of zones.
   *
   * @param zones the zones; empty means everywhere
   */
  public record Spread(List<String> zones) {
    /** Everywhere. */
    public static final Spread EVERYWHERE = new Spread(List.of());

    /** Copies the list. */
    public Spread {
      zones = List.copyOf(zones);
    }

    /** Binds {@code everywhere} or a list. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Spread of(tools.jackson.databind.JsonNode node) {
      if (node.isString() && node.asString().equals("everywhere")) return EVERYWHERE;
      List<String> zones = new java.util.ArrayList<>();
      for (tools.jackson.databind.JsonNode zone : node) zones.add(zone.asString());
      return new Spread(zones);
    }
  }
}
