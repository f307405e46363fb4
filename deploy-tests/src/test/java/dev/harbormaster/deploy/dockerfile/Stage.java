package dev.harbormaster.deploy.dockerfile;

import java.util.List;
import java.util.Optional;

/**
 * A build stage: from its {@code FROM} to the next one.
 *
 * @param index its position (0-based), by which later stages may also refer to it
 * @param from the {@code FROM} instruction
 * @param baseImage the image it starts from
 * @param name its {@code AS} name, if any
 * @param instructions the instructions after {@code FROM}, in order
 * @see <a href="https://docs.docker.com/build/building/multi-stage/">multi-stage builds</a>
 */
public record Stage(
    int index,
    Instruction from,
    String baseImage,
    Optional<String> name,
    List<Instruction> instructions) {

  /** Copies the list. */
  public Stage {
    instructions = List.copyOf(instructions);
  }

  /** Every instruction of this keyword, in order. */
  public List<Instruction> all(String keyword) {
    return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
  }

  /** The last instruction of this keyword (the one in effect for USER, ENTRYPOINT, CMD...). */
  public Optional<Instruction> last(String keyword) {
    List<Instruction> all = all(keyword);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
  }

  /** The last WORKDIR, or {@code /} (Docker's default). */
  public String workdir() {
    return last("WORKDIR").map(Instruction::arguments).orElse("/");
  }
}
