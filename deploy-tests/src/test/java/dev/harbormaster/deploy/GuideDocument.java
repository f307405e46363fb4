package dev.harbormaster.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown guide as a reader follows it: its text, its fenced code blocks, and the shell commands
 * of its {@code sh} blocks (continuation lines joined).
 *
 * @param text the whole document
 * @param blocks its fenced code blocks in order
 */
record GuideDocument(String text, List<Block> blocks) {
  private static final Pattern FENCE =
      Pattern.compile("(?m)^```(\\w*)\\n(.*?)^```", Pattern.DOTALL);

  /**
   * A fenced code block.
   *
   * @param language the info string ({@code sh}, {@code yaml} or empty)
   * @param content its lines
   */
  record Block(String language, String content) {}

  /** Copies the list. */
  GuideDocument {
    blocks = List.copyOf(blocks);
  }

  /** Reads {@code file}. */
  static GuideDocument read(Path file) {
    try {
      String text = Files.readString(file);
      List<Block> blocks = new ArrayList<>();
      Matcher m = FENCE.matcher(text);
      while (m.find()) {
        blocks.add(new Block(m.group(1), m.group(2)));
      }
      return new GuideDocument(text, blocks);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    }
  }

  /** Every command of the {@code sh} blocks, continuation lines joined. */
  List<String> commands() {
    List<String> commands = new ArrayList<>();
    for (Block b : blocks) {
      if (b.language().equals("sh")) {
        commands.addAll(List.of(b.content().replace("\\\n", " ").split("\n")));
      }
    }
    return commands.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
  }

  /** The commands starting with {@code prefix}. */
  List<String> commands(String prefix) {
    return commands().stream().filter(c -> c.startsWith(prefix)).toList();
  }

  /** The one block whose first line is {@code firstLine}. */
  Block blockStartingWith(String firstLine) {
    List<Block> found =
        blocks.stream().filter(b -> b.content().startsWith(firstLine + "\n")).toList();
    if (found.size() != 1) {
      throw new AssertionError(found.size() + " blocks start with " + firstLine);
    }
    return found.getFirst();
  }
}
