package io.webconnexkit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Builds, from the pages that tell a user how to add the kit, the empty projects a user following
 * them word for word would have: every file is a fenced block of the page (or, where the page says
 * "wrap it in a POM" or "change this line", exactly that), and the result the page promises is
 * taken from the page too. The projects are written to {@code target/page-projects/}, where
 * maven-invoker-plugin builds each of them in the {@code integration-test} phase against the kit
 * just built (see {@code src/it/README.md}); a page edit that breaks a step therefore fails the
 * docs module's {@code verify}. The tests here fail first when a page no longer has a block the
 * project needs.
 */
class PageProjectsTest {

  static final Path ROOT = DocsSnippetsTest.ROOT;
  static final Path OUT = Path.of("target", "page-projects").toAbsolutePath();
  static final Path IT = Path.of("src", "it").toAbsolutePath();

  /** A POM around a fragment of one, for pages that show only the part to add. */
  static final String SKELETON = """
      <?xml version="1.0" encoding="UTF-8"?>
      <project xmlns="http://maven.apache.org/POM/4.0.0"
               xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
               xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
        <modelVersion>4.0.0</modelVersion>
        <groupId>com.example</groupId>
        <artifactId>webhook-receiver</artifactId>
        <version>1.0-SNAPSHOT</version>
        <properties>
          <maven.compiler.release>17</maven.compiler.release>
          <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
        </properties>
      %s
      </project>
      """;

  /** One fenced block of a page: its info string, the heading it is under, the text before it. */
  record Block(String lang, String heading, String before, String text, int line) {}

  @Test
  void gettingStartedIsAProject() throws IOException {
    List<Block> blocks = blocks(ROOT.resolve("docs/getting-started.md"));
    Path project = project("getting-started");

    write(project, "pom.xml", only(blocks, "xml", "## 1.").text());
    write(project, "setup.sh", only(blocks, "sh", "## 2.").text());
    javaFile(project, only(blocks, "java", "## 3."));
    Block passing = only(blocks, "text", "## 4.");
    expect(project, passing.text().lines()
        .filter(l -> l.startsWith("[INFO] Validated ") || l.startsWith("[INFO] Tests run: ") && !l.contains(" -- in ")
            || l.equals("[INFO] BUILD SUCCESS"))
        .toList(), 3);
  }

  @Test
  void junitExtensionPageIsAProject() throws IOException {
    Path page = ROOT.resolve("docs/junit-extension.md");
    List<Block> blocks = blocks(page);
    Path project = project("junit-extension");

    String dependencies = only(blocks, "xml", "## Add it").text();
    String mainDependency = only(blocks, "xml", "## A complete example").text();
    // "add it to the <dependencies> above": the last </dependencies> closes the project's own.
    int end = dependencies.lastIndexOf("</dependencies>");
    String pom = SKELETON.formatted(dependencies.substring(0, end) + indent(mainDependency) + dependencies.substring(end));
    write(project, "pom.xml", pom);
    write(project, "setup.sh", only(blocks, "sh", "## Add it").text());
    List<Block> example = blocks.stream()
        .filter(b -> b.lang().equals("java") && b.heading().startsWith("## A complete example")).toList();
    assertThat(example).as("the complete example's test and handler").hasSize(2);
    example.forEach(b -> javaFile(project, b));
    Matcher promised = Pattern.compile("gives (\\d+) passing tests").matcher(Files.readString(page));
    assertThat(promised.find()).as("the page's promised number of passing tests").isTrue();
    expect(project, List.of("Tests run: " + promised.group(1) + ", Failures: 0, Errors: 0, Skipped: 0", "BUILD SUCCESS"), 2);
  }

  @Test
  void mavenPluginQuickStartIsAProject() throws IOException {
    List<Block> blocks = blocks(ROOT.resolve("docs/maven-plugin.md"));
    Path project = project("maven-plugin");

    write(project, "pom.xml", SKELETON.formatted(indent(only(blocks, "xml", "## Quick start").text())));
    // "after one fixture was broken by turning "total": 100 into "total": "100"", in the kit's sample.
    String sample = Files.readString(ROOT.resolve("schemas/src/main/resources/webconnex/samples/v1/registration.json"));
    assertThat(sample).contains("\"total\": 100,");
    write(project, "src/test/resources/webconnex/registration.json", sample.replace("\"total\": 100,", "\"total\": \"100\","));
    Block output = blocks.stream().filter(b -> b.lang().equals("text") && b.heading().startsWith("## Quick start"))
        .findFirst().orElseThrow();
    expect(project, output.text().lines()
        .filter(l -> l.startsWith("[ERROR] src/") || l.startsWith("[INFO] Validated ") || l.equals("[INFO] BUILD FAILURE"))
        .toList(), 3);
  }

  @Test
  void wiremockPageIsAProject() throws IOException {
    Path page = ROOT.resolve("docs/wiremock.md");
    List<Block> blocks = blocks(page);
    Path project = project("wiremock");

    write(project, "pom.xml", SKELETON.formatted(indent(only(blocks, "xml", "## Add it").text())));
    javaFile(project, only(blocks, "java", "## JUnit 5"));
    Matcher promised = Pattern.compile("gives (\\d+) passing tests").matcher(Files.readString(page));
    assertThat(promised.find()).as("the page's promised number of passing tests").isTrue();
    expect(project, List.of("Tests run: " + promised.group(1) + ", Failures: 0, Errors: 0, Skipped: 0", "BUILD SUCCESS"), 2);
  }

  /**
   * The README's snippets for adding the kit are those of the pages built above, so the page
   * projects build them too (one project fewer for CI): its plugin block is the Maven plugin's quick
   * start, its output lines are among those that project must print, its BOM block is the one in
   * the JUnit extension's POM.
   */
  @Test
  void theReadmesSnippetsAreThoseOfThePageProjects() throws IOException {
    List<Block> readme = blocks(ROOT.resolve("README.md"));
    List<Block> plugin = blocks(ROOT.resolve("docs/maven-plugin.md"));
    List<Block> junit = blocks(ROOT.resolve("docs/junit-extension.md"));

    String readmePlugin = readme.stream().filter(b -> b.lang().equals("xml") && b.text().contains("webconnex-maven-plugin"))
        .findFirst().orElseThrow().text();
    assertThat(squeeze(only(plugin, "xml", "## Quick start").text())).contains(squeeze(readmePlugin));
    String readmeOutput = readme.stream().filter(b -> b.lang().equals("text") && b.text().contains("Validated 1 fixture"))
        .findFirst().orElseThrow().text();
    String pluginOutput = plugin.stream().filter(b -> b.lang().equals("text") && b.heading().startsWith("## Quick start"))
        .findFirst().orElseThrow().text();
    assertThat(pluginOutput.lines()).containsAll(readmeOutput.lines().toList());
    String readmeBom = only(readme, "xml", "## BOM").text();
    String bomDependency = readmeBom.substring(readmeBom.indexOf("<dependency>"), readmeBom.indexOf("</dependency>"));
    assertThat(squeeze(only(junit, "xml", "## Add it").text())).contains(squeeze(bomDependency));
  }

  private static String squeeze(String xml) {
    return xml.replaceAll("\\s+", "");
  }

  @Test
  void findsTheBlocksOfAPageWithTheirHeadings() throws IOException {
    Path page = Files.createTempFile("page", ".md");
    Files.writeString(page, "# Title\n\n## 1. One\n\nThe file `a.txt`:\n\n```xml\n<a/>\n```\n\n## 2. Two\n\n```sh\necho\n```\n");

    List<Block> blocks = blocks(page);

    assertThat(blocks).extracting(Block::lang).containsExactly("xml", "sh");
    assertThat(blocks.get(0).heading()).isEqualTo("## 1. One");
    assertThat(blocks.get(0).before()).contains("`a.txt`");
    assertThat(blocks.get(1).text()).isEqualTo("echo\n");
  }

  static List<Block> blocks(Path page) throws IOException {
    List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
    List<Block> blocks = new ArrayList<>();
    String heading = "";
    StringBuilder before = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("#")) {
        heading = line;
        before.setLength(0);
      } else if (line.startsWith("```") && line.length() > 3) {
        int start = i + 1;
        StringBuilder text = new StringBuilder();
        for (i = start; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
          text.append(lines.get(i)).append('\n');
        }
        blocks.add(new Block(line.substring(3).trim(), heading, before.toString(), text.toString(), start));
        before.setLength(0);
      } else {
        before.append(line).append('\n');
      }
    }
    return blocks;
  }

  /** The one block of a language under the heading that starts with the given text. */
  static Block only(List<Block> blocks, String lang, String heading) {
    List<Block> found = blocks.stream().filter(b -> b.lang().equals(lang) && b.heading().startsWith(heading)).toList();
    assertThat(found).as("```%s blocks under \"%s\"", lang, heading).hasSize(1);
    return found.get(0);
  }

  /**
   * A Java block goes where its package and class name put it: under {@code src/test/java} when the
   * text before it names a {@code src/test/java} file or it holds {@code @Test}, else under
   * {@code src/main/java}. A page that gives the package line in its text ("the line `package
   * x;`, then") has it prepended.
   */
  static void javaFile(Path project, Block block) {
    String source = block.text();
    Matcher packageInText = Pattern.compile("the line\\s+`(package [\\w.]+;)`").matcher(block.before());
    if (!source.startsWith("package ") && packageInText.find()) {
      source = packageInText.group(1) + "\n\n" + source;
    }
    Matcher pkg = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE).matcher(source);
    Matcher type = Pattern.compile("^(?:public |final )*(?:class|record|interface) (\\w+)", Pattern.MULTILINE).matcher(source);
    assertThat(pkg.find()).as("package of the block at line %d", block.line()).isTrue();
    assertThat(type.find()).as("top-level type of the block at line %d", block.line()).isTrue();
    boolean test = block.before().contains("src/test/java") || source.contains("@Test");
    String path = (test ? "src/test/java/" : "src/main/java/") + pkg.group(1).replace('.', '/') + "/" + type.group(1) + ".java";
    write(project, path, source);
  }

  /** A fresh project folder with the page's invoker files from {@code src/it/NAME/}. */
  static Path project(String name) throws IOException {
    Path project = OUT.resolve(name);
    if (Files.exists(project)) {
      try (Stream<Path> files = Files.walk(project)) {
        files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(project);
    try (Stream<Path> files = Files.list(IT.resolve(name))) {
      for (Path file : files.toList()) {
        Files.copy(file, project.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path shared = IT.resolve("setup.groovy");
    Files.copy(shared, project.resolve("setup.groovy"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(IT.resolve("check-log.groovy"), project.resolve("verify.groovy"), StandardCopyOption.REPLACE_EXISTING);
    return project;
  }

  /** The lines the build's log must hold, as the page prints them, for {@code verify.groovy}. */
  static void expect(Path project, List<String> lines, int count) {
    assertThat(lines).as("lines of the page's promised output").hasSize(count);
    write(project, "expected-log.txt", String.join("\n", lines) + "\n");
  }

  static String indent(String xml) {
    return xml.lines().map(l -> "  " + l).reduce("", (a, b) -> a + b + "\n");
  }

  static void write(Path project, String relative, String text) {
    try {
      Path file = project.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
