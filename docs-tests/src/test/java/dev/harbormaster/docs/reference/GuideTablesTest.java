package dev.harbormaster.docs.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written field tables of each plugin guide ({@code | field | default | meaning |} in
 * {@code docs/plugins/<plugin-id>.md}) name fields the plugin accepts (a name may be a path's last
 * segments: {@code name} under the rules heading is {@code rules[].name}), and a default written as
 * a YAML literal ({@code `30s`}) is the default the code applies.
 */
class GuideTablesTest {
  private static final Pattern ROW = Pattern.compile("^\\|\\s*(.*?)\\s*\\|\\s*(.*?)\\s*\\|");
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final ReferenceGenerator GENERATOR =
      new ReferenceGenerator(Repository.root(), ReferenceSubject.all());

  static Stream<ReferenceSubject> pluginsWithGuides() {
    return ReferenceSubject.all().stream()
        .filter(s -> s.guide().filter(g -> g.startsWith("docs/plugins/")).isPresent());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pluginsWithGuides")
  void guideTables_nameRealFields_withTheDefaultsTheCodeApplies(ReferenceSubject subject)
      throws IOException {
    Path guide = Repository.root().resolve(subject.guide().orElseThrow());
    DefaultProbe probe = new DefaultProbe(subject.binder(), GENERATOR.examples(subject));
    List<String> problems = new ArrayList<>();
    int rows = 0;
    boolean inTable = false;
    List<String> lines = Files.readAllLines(guide);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.toLowerCase(java.util.Locale.ROOT)
          .matches("\\|\\s*field\\s*\\|\\s*default\\s*\\|.*")) {
        inTable = true;
        continue;
      }
      if (!line.startsWith("|")) inTable = false;
      Matcher row = ROW.matcher(line);
      if (!inTable || line.startsWith("|---") || !row.find()) continue;
      rows++;
      String where = subject.guide().orElseThrow() + " line " + (i + 1);
      for (String name : names(row.group(1))) {
        List<Located> fields = fieldsNamed(subject, name);
        if (fields.isEmpty()) {
          problems.add(where + ": `" + name + "` is not a field of " + subject.id());
          continue;
        }
        firstLiteral(row.group(2))
            .flatMap(literal -> contradiction(literal, fields, probe))
            .ifPresent(p -> problems.add(where + ": `" + name + "` " + p));
      }
    }
    assertThat(rows).as("field table rows in %s", guide).isPositive();
    assertThat(problems).as("stale field tables in %s", guide).isEmpty();
  }

  private record Located(ConfigSection section, ConfigField field) {}

  /** {@code `a.b.c` / `d`} names {@code a.b.c} and its sibling {@code a.b.d}. */
  private static List<String> names(String cell) {
    List<String> names = new ArrayList<>();
    Matcher m = CODE.matcher(cell);
    while (m.find()) {
      String name = m.group(1);
      if (!names.isEmpty() && !name.contains(".")) {
        String first = names.getFirst();
        name = first.contains(".") ? first.substring(0, first.lastIndexOf('.') + 1) + name : name;
      }
      names.add(name);
    }
    return names;
  }

  private static List<Located> fieldsNamed(ReferenceSubject subject, String name) {
    List<Located> found = new ArrayList<>();
    for (ConfigSection section : subject.tree().sections()) {
      for (ConfigField field : section.fields()) {
        String path = field.path();
        if (path.equals(name) || path.endsWith("." + name)) found.add(new Located(section, field));
      }
    }
    return found;
  }

  private static Optional<String> firstLiteral(String cell) {
    Matcher m = CODE.matcher(cell);
    return cell.startsWith("`") && m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** A problem when the literal binds but no field of that name has it as its default. */
  private static Optional<String> contradiction(
      String literal, List<Located> fields, DefaultProbe probe) {
    List<String> codeDefaults = new ArrayList<>();
    for (Located l : fields) {
      Optional<Object> documented = Literals.bind(literal, l.field());
      if (documented.isEmpty()) return Optional.empty();
      if (!(probe.of(l.section(), l.field()) instanceof DefaultProbe.Default.Value(Object code))
          || code.equals(Optional.empty())
          || Objects.equals(code, documented.get())) {
        return Optional.empty();
      }
      codeDefaults.add(DefaultCell.yaml(l.field().type(), code));
    }
    return Optional.of(
        "is documented with default `" + literal + "`, the code applies " + codeDefaults);
  }
}
