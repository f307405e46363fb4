package dev.harbormaster.docs.prose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The plugin author guide's "Packaging" section states what plugins/pom.xml does: the same provided
 * libraries, the same PF4J manifest entries, the same boundary rule.
 */
class PluginPackagingDocTest {
  private final String guide = Checkout.read(Checkout.file("docs/plugin-author-guide.md"));
  private final Document pom = parse(Checkout.read(Checkout.file("plugins/pom.xml")));

  private static Document parse(String xml) {
    try {
      return DocumentBuilderFactory.newInstance()
          .newDocumentBuilder()
          .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException("plugins/pom.xml is not XML", e);
    }
  }

  /** The code spans of the bullet that starts with {@code start}. */
  private List<String> bullet(String start) {
    int from = guide.indexOf("- **" + start);
    assertThat(from).as("bullet '" + start + "' in the guide").isNotNegative();
    int to = guide.indexOf("\n- ", from + 1);
    return MarkdownDocument.parse(Checkout.root(), guide.substring(from, to)).codeSpans();
  }

  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    throw new IllegalStateException("no <" + name + "> in <" + parent.getTagName() + ">");
  }

  @Test
  void namesExactlyTheLibrariesPluginsPomDeclaresProvided() {
    Set<String> provided = new TreeSet<>();
    NodeList dependencies =
        child(pom.getDocumentElement(), "dependencies").getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      if (child(dependency, "scope").getTextContent().strip().equals("provided")) {
        provided.add(child(dependency, "artifactId").getTextContent().strip());
      }
    }
    Set<String> named = new TreeSet<>(bullet("Shared libraries are"));
    named.remove("provided");

    assertThat(provided).contains("harbormaster-spi", "pf4j", "micrometer-core");
    assertThat(named).isEqualTo(provided);
  }

  @Test
  void namesEveryManifestEntryThePomWrites() {
    NodeList entries = pom.getElementsByTagName("manifestEntries");
    assertThat(entries.getLength()).isEqualTo(1);
    Set<String> written = new TreeSet<>();
    for (Node n = entries.item(0).getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        written.add(e.getTagName());
      }
    }

    assertThat(written).contains("Plugin-Id", "Plugin-Requires");
    assertThat(bullet("The PF4J manifest")).containsAll(written);
  }

  @Test
  void namesTheBoundaryRulesExecution() {
    NodeList ids = pom.getElementsByTagName("id");
    Set<String> executions = new TreeSet<>();
    for (int i = 0; i < ids.getLength(); i++) {
      executions.add(ids.item(i).getTextContent().strip());
    }

    assertThat(bullet("Jar hygiene is enforced twice")).contains("plugin-class-loading-boundary");
    assertThat(executions).contains("plugin-class-loading-boundary");
  }
}
