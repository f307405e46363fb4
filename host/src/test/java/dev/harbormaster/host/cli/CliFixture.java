package dev.harbormaster.host.cli;

import dev.harbormaster.host.Main;
import dev.harbormaster.host.plugins.TestPluginJar;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** A config directory with real plugin jars, and a way to run the command line in-process. */
final class CliFixture {
  final Path dir;
  String out = "";
  String err = "";

  CliFixture(Path dir) throws IOException {
    this.dir = dir;
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    TestPluginJar.greeting(plugins, "greeting.jar", "greeting", ">=1.0.0 & <2.0.0");
    TestPluginJar.denyNamed(plugins, "deny-named.jar", "deny-named");
  }

  Path config(String yaml) throws IOException {
    return Files.writeString(dir.resolve("harbormaster.yaml"), yaml);
  }

  int run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Main.run(new PrintWriter(o), new PrintWriter(e), args);
    out = o.toString();
    err = e.toString();
    return code;
  }
}
