package dev.harbormaster.docs.prose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles the Java samples of a document against the test class path: a sample that declares a
 * class is compiled as it is, any other sample as the body of a method; both get the same imports
 * (the SPI, the testkit's plugin support, the example plugin, JUnit and AssertJ).
 */
final class JavaSamples {
  static final String IMPORTS =
      """
      import static org.assertj.core.api.Assertions.assertThat;
      import dev.harbormaster.spi.*;
      import dev.harbormaster.spi.config.*;
      import dev.harbormaster.testkit.plugin.*;
      import dev.harbormaster.plugin.denylatest.*;
      import org.junit.jupiter.api.Test;
      """;

  private JavaSamples() {}

  /** The compilation unit for the {@code index}th sample. */
  static String unit(String sample, int index) {
    boolean declaresClass =
        sample.lines().anyMatch(l -> l.matches("^(public |final )*class \\w+.*"));
    if (declaresClass) {
      return IMPORTS + sample;
    }
    return IMPORTS
        + "class Sample"
        + index
        + " {\n  void run() throws Exception {\n"
        + sample
        + "\n  }\n}\n";
  }

  /** The compiler's errors for {@code samples}, each naming the sample; empty when all compile. */
  static List<String> errors(List<String> samples, Path output) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    List<JavaFileObject> units = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      String source = unit(samples.get(i), i);
      String name = "Sample" + i;
      units.add(
          new SimpleJavaFileObject(
              URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
              return source;
            }
          });
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      List<String> options =
          List.of(
              "-proc:none",
              "-d",
              output.toString(),
              "-classpath",
              System.getProperty("java.class.path"));
      compiler.getTask(null, files, diagnostics, options, null, units).call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(
            d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
      }
    }
    return errors;
  }
}
