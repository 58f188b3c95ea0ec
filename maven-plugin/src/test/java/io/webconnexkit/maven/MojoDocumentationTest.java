package io.webconnexkit.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Keeps docs/maven-plugin.md honest: its configuration table lists exactly the parameters of the
 * plugin descriptor that Maven generated (target/classes/META-INF/maven/plugin.xml), with the
 * same user properties and defaults, and the goal is declared as the page says.
 */
class MojoDocumentationTest {

  /** {@code | `name` | `webconnex.name` | default | description |} */
  private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\| `([\\w.]+)` \\| (.+?) \\| .+\\|$", Pattern.MULTILINE);

  private static Element mojo;
  private static Element descriptor;
  private static String docs;

  @BeforeAll
  static void read() throws Exception {
    Path pluginXml = Path.of(System.getProperty("webconnex.pluginDescriptor", "target/classes/META-INF/maven/plugin.xml"));
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pluginXml.toFile());
    descriptor = xml.getDocumentElement();
    NodeList mojos = descriptor.getElementsByTagName("mojo");
    // The page's configuration table is the validate goal's; webconnex:drift is documented in docs/traffic.md.
    List<String> goals = new java.util.ArrayList<>();
    for (int i = 0; i < mojos.getLength(); i++) {
      Element candidate = (Element) mojos.item(i);
      goals.add(text(candidate, "goal"));
      if (text(candidate, "goal").equals("validate")) {
        mojo = candidate;
      }
    }
    assertThat(goals).containsExactlyInAnyOrder("validate", "drift");
    docs = Files.readString(Path.of(System.getProperty("webconnex.docs", "../docs/maven-plugin.md")));
  }

  @Test
  void documentsEveryParameterWithItsUserPropertyAndDefault() {
    Map<String, String[]> described = new LinkedHashMap<>();
    NodeList parameters = ((Element) mojo.getElementsByTagName("parameters").item(0)).getElementsByTagName("parameter");
    Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
    for (int i = 0; i < parameters.getLength(); i++) {
      Element p = (Element) parameters.item(i);
      String name = text(p, "name");
      if (!"true".equals(text(p, "editable"))) {
        continue; // session, project, plugin: Maven's own objects, not settings
      }
      Element config = (Element) configuration.getElementsByTagName(name).item(0);
      String property = config.getTextContent().replaceAll("^\\$\\{(.*)}$", "$1");
      String defaultValue = config.hasAttribute("default-value") ? "`" + config.getAttribute("default-value") + "`" : "(none)";
      described.put(name, new String[] {property, defaultValue});
    }

    Map<String, String[]> documented = new LinkedHashMap<>();
    String table = docs.substring(docs.indexOf("## Configuration reference"), docs.indexOf("## The four shapes"));
    Matcher row = ROW.matcher(table);
    while (row.find()) {
      documented.put(row.group(1), new String[] {row.group(2), row.group(3)});
    }

    assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(described.keySet());
    described.forEach((name, expected) -> {
      assertThat(documented.get(name)[0]).as("user property of %s", name).isEqualTo(expected[0]).isEqualTo("webconnex." + name);
      assertThat(documented.get(name)[1]).as("default of %s", name).isEqualTo(expected[1]);
    });
  }

  @Test
  void declaresTheGoalAsDocumented() {
    assertThat(text(descriptor, "goalPrefix")).isEqualTo("webconnex");
    assertThat(text(descriptor, "artifactId")).isEqualTo("webconnex-maven-plugin");
    assertThat(text(mojo, "goal")).isEqualTo("validate");
    assertThat(text(mojo, "phase")).isEqualTo("process-test-resources");
    assertThat(text(mojo, "threadSafe")).isEqualTo("true");
    assertThat(text(mojo, "requiresProject")).isEqualTo("false");
    assertThat(docs).contains("The goal: `validate`, prefix `webconnex`, default phase `process-test-resources`, thread-safe,\n"
        + "needs no project.");
  }

  private static String text(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i).getParentNode() == parent) {
        return nodes.item(i).getTextContent().trim();
      }
    }
    return null;
  }
}
