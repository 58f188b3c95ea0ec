package io.webconnexkit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of every Markdown page (README.md, docs/*.md, the module READMEs) must point
 * at a file or folder of the repository. Web links ({@code http:}, {@code https:}, {@code mailto:})
 * and links to an anchor of the same page are not checked; the anchor of a link to another page is
 * ignored, the page must exist. Links inside fenced code blocks and inline code are not links.
 */
class DocsLinksTest {

  /** An inline link or image, {@code [text](target "title")}: the target is group 1. */
  private static final Pattern INLINE = Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

  /** A reference definition, {@code [name]: target}. */
  private static final Pattern REFERENCE =
      Pattern.compile("^ {0,3}\\[[^\\]\\n]+\\]:[ \\t]*<?([^\\s>]+)>?.*$", Pattern.MULTILINE);

  /** One relative link of a page. */
  record Link(Path page, int line, String target) {
    @Override
    public String toString() {
      return DocsSnippetsTest.ROOT.relativize(page) + ":" + line + ": " + target;
    }
  }

  @Test
  void everyRelativeLinkPointsAtAnExistingFile() {
    List<Link> links = DocsSnippetsTest.pages().stream().flatMap(p -> links(p).stream()).toList();

    List<Link> broken = links.stream().filter(link -> !Files.exists(resolve(link))).toList();

    assertThat(links).as("relative links found in the docs").isNotEmpty();
    assertThat(broken).as("relative links to files that do not exist").isEmpty();
  }

  @Test
  void findsABrokenLinkAndSkipsWhatIsNotALocalFile() throws IOException {
    Path page = Files.createTempFile(DocsSnippetsTest.ROOT.resolve("docs/target"), "page", ".md");
    try {
      Files.writeString(page, String.join("\n",
          "See [profiles](../profiles.md#strict), [the web](https://example.com/a.md), [top](#ways-in),",
          "[mail](mailto:x@example.com) and [a missing page](missing-page.md \"Missing\").",
          "```text",
          "[not a link](nowhere.md)",
          "```",
          "`[code](nowhere-either.md)` and ![an image](img/none.png), [a link over",
          "two lines](../fuzzing.md)",
          "[ref]: ../../README.md",
          ""));

      List<Link> links = links(page);

      assertThat(links).extracting(Link::target)
          .containsExactly("../profiles.md#strict", "missing-page.md", "img/none.png", "../fuzzing.md", "../../README.md");
      assertThat(links).filteredOn(link -> !Files.exists(resolve(link))).extracting(Link::target)
          .containsExactly("missing-page.md", "img/none.png");
    } finally {
      Files.delete(page);
    }
  }

  static List<Link> links(Path page) {
    List<String> lines;
    try {
      lines = Files.readAllLines(page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Blank out fenced blocks and inline code, keeping line breaks so positions stay right; a link's
    // text may run over a line break.
    StringBuilder text = new StringBuilder();
    boolean fenced = false;
    for (String line : lines) {
      boolean fence = line.trim().startsWith("```") || line.trim().startsWith("~~~");
      if (!fenced && !fence) {
        text.append(line.replaceAll("`[^`]*`", "``"));
      }
      if (fence) {
        fenced = !fenced;
      }
      text.append('\n');
    }
    List<Link> found = new ArrayList<>();
    for (Pattern pattern : List.of(INLINE, REFERENCE)) {
      Matcher matcher = pattern.matcher(text);
      while (matcher.find()) {
        String target = matcher.group(1);
        if (isLocal(target)) {
          int line = (int) text.substring(0, matcher.start()).chars().filter(c -> c == '\n').count() + 1;
          found.add(new Link(page, line, target));
        }
      }
    }
    found.sort(Comparator.comparingInt(Link::line));
    return found;
  }

  private static boolean isLocal(String target) {
    return !target.startsWith("#") && !target.matches("(?i)[a-z][a-z0-9+.-]*:.*");
  }

  static Path resolve(Link link) {
    String path = link.target();
    int cut = path.indexOf('#');
    if (cut >= 0) {
      path = path.substring(0, cut);
    }
    cut = path.indexOf('?');
    if (cut >= 0) {
      path = path.substring(0, cut);
    }
    path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    return path.startsWith("/")
        ? DocsSnippetsTest.ROOT.resolve(path.substring(1)).normalize()
        : link.page().getParent().resolve(path).normalize();
  }
}
