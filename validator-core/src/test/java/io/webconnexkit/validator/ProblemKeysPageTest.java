package io.webconnexkit.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/problem-keys.md, ProblemKey.all() and the keys the code of every module reports are the same. */
class ProblemKeysPageTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern ROW = Pattern.compile("^\\| `([a-zA-Z.]+)` \\| (\\w+) \\| (\\w+) \\| (.*) \\| `(.*)` \\|$");
  /** A key as the code writes it: a string literal starting with one of the kit's key families. */
  private static final Pattern LITERAL = Pattern.compile("\"((?:payload|schema|event|delivery|fixture|model)\\.[a-zA-Z]+(?:\\.[a-zA-Z]+)*)\"");

  @Test
  void thePageListsEveryKeyWithItsDefaultsAndNoOther() throws IOException {
    List<String> rows = new ArrayList<>();
    for (String line : Files.readAllLines(ROOT.resolve("docs/problem-keys.md"))) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        rows.add(String.join(" | ", m.group(1), m.group(2), m.group(3), m.group(4).replace("\\|", "|"), m.group(5)));
      }
    }
    List<String> expected = ProblemKey.all().stream()
        .map(k -> String.join(" | ", k.key(), k.lenient().label(), k.strict().label(), k.meaning(), k.example()))
        .toList();

    assertThat(rows).as("rows of docs/problem-keys.md; expected, one per key:%n%s",
        String.join("\n", ProblemKey.all().stream().map(k -> "| `" + k.key() + "` | " + k.lenient().label() + " | "
            + k.strict().label() + " | " + k.meaning() + " | `" + k.example() + "` |").toList()))
        .containsExactlyElementsOf(expected);
  }

  @Test
  void everyKeyTheCodeReportsIsRegistered() throws IOException {
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> p.toString().contains("/src/main/java/"))
          .filter(p -> !p.toString().contains("/target/")).toList()) {
        Matcher m = LITERAL.matcher(Files.readString(file));
        while (m.find()) {
          found.add(m.group(1));
        }
      }
    }
    Set<String> registered = new TreeSet<>();
    ProblemKey.all().forEach(k -> registered.add(k.key()));
    // Literals that are prefixes or property names, not keys.
    found.removeIf(k -> registered.stream().anyMatch(r -> r.startsWith(k + ".")));
    found.removeIf(k -> k.startsWith("fixture.") && !k.matches("fixture\\.[a-z][a-zA-Z]*"));

    assertThat(found).as("string literals of main code that look like problem keys").isNotEmpty()
        .isSubsetOf(registered);
  }

  @Test
  void defaultsFollowTheProfiles() {
    assertThat(ProblemKey.defaultLevel("event.unknown", Profile.LENIENT)).isEqualTo(Severity.WARNING);
    assertThat(ProblemKey.defaultLevel("event.unknown", Profile.STRICT)).isEqualTo(Severity.ERROR);
    assertThat(ProblemKey.defaultLevel("schema.notAKitKeyword", Profile.LENIENT)).isEqualTo(Severity.ERROR);
    assertThat(ProblemKey.all()).allSatisfy(k -> assertThat(k.lenient()).isNotEqualTo(Severity.IGNORE));
  }
}
