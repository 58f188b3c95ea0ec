package io.webconnexkit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java block in the documentation must be code the build compiles: its lines (trimmed, blank
 * lines ignored) must appear, in order and together, in a Java source file of the repository. A
 * sample that drifts from the code fails here instead of rotting in a page.
 */
class DocsSnippetsTest {

  static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  /** One fenced Java block of a Markdown page. */
  record Snippet(Path page, int line, List<String> lines) {
    @Override
    public String toString() {
      return ROOT.relativize(page) + ":" + line;
    }
  }

  @Test
  void everyJavaSampleInTheDocsIsCompiledSource() {
    List<List<String>> sources = javaSources().stream().map(DocsSnippetsTest::normalise).toList();
    List<Snippet> snippets = pages().stream().flatMap(p -> snippets(p).stream()).toList();
    List<String> rotten = new ArrayList<>();
    for (Snippet snippet : snippets) {
      if (sources.stream().noneMatch(source -> contains(source, snippet.lines()))) {
        rotten.add(snippet + " (first line: " + snippet.lines().get(0) + ")");
      }
    }
    assertThat(snippets).as("Java samples found in the docs").isNotEmpty();
    assertThat(rotten).as("Java samples that are not compiled source of this build").isEmpty();
  }

  @Test
  void findsADriftedSample() throws IOException {
    Path page = Files.createTempFile("page", ".md");
    Files.writeString(page, "text\n```java\nWebconnexValidator validator = WebconnexValidator.lenientest();\n```\n");
    List<List<String>> sources = javaSources().stream().map(DocsSnippetsTest::normalise).toList();

    Snippet snippet = snippets(page).get(0);

    assertThat(snippet.line()).isEqualTo(2);
    assertThat(sources).noneMatch(source -> contains(source, snippet.lines()));
  }

  static List<Path> pages() {
    List<Path> pages = new ArrayList<>();
    pages.add(ROOT.resolve("README.md"));
    try (Stream<Path> files = Files.walk(ROOT)) {
      files.filter(p -> p.toString().endsWith(".md"))
          .filter(p -> !excluded(p))
          .filter(p -> !p.equals(ROOT.resolve("README.md")))
          .sorted()
          .forEach(pages::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pages;
  }

  static List<Path> javaSources() {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files.filter(p -> p.toString().endsWith(".java")).filter(p -> !excluded(p))
          .filter(p -> !p.getFileName().toString().equals("DocsSnippetsTest.java")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean excluded(Path p) {
    String relative = ROOT.relativize(p).toString().replace('\\', '/');
    return relative.contains("/target/") || relative.startsWith("target/") || relative.startsWith(".git/")
        || relative.contains("/.git/");
  }

  static List<Snippet> snippets(Path page) {
    List<Snippet> found = new ArrayList<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).trim().equals("```java")) {
        int start = i + 1;
        List<String> block = new ArrayList<>();
        for (i = start; i < lines.size() && !lines.get(i).trim().startsWith("```"); i++) {
          block.add(lines.get(i));
        }
        List<String> normalised = normalise(block);
        if (!normalised.isEmpty()) {
          found.add(new Snippet(page, start, normalised));
        }
      }
    }
    return found;
  }

  private static List<String> normalise(Path source) {
    try {
      return normalise(Files.readAllLines(source));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> normalise(List<String> lines) {
    return lines.stream().map(String::trim).filter(l -> !l.isEmpty()).toList();
  }

  static boolean contains(List<String> source, List<String> block) {
    outer:
    for (int i = 0; i + block.size() <= source.size(); i++) {
      for (int j = 0; j < block.size(); j++) {
        if (!source.get(i + j).equals(block.get(j))) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
