package io.webconnexkit.cli;

import static io.webconnexkit.cli.CliRun.resource;
import static io.webconnexkit.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many files are checked on every core, yet the output is what one file at a time prints, in order. */
class ValidateInParallelTest {

  @TempDir Path dir;

  @Test
  void manyFilesPrintInTheOrderGivenAsOneAtATimeWould() throws IOException {
    List<Path> sources = List.of(
        resource("payloads/invalid/registration-total-as-string.json"),
        resource("payloads/valid/coupon.json"),
        resource("payloads/invalid/subscription-trailing-comma.json"),
        resource("payloads/warning/registrant-edit-near-miss.json"));
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Path file = dir.resolve(String.format("f%03d.json", i));
      Files.copy(sources.get(i % sources.size()), file);
      files.add(file);
    }
    StringBuilder expected = new StringBuilder();
    for (Path file : files) {
      String[] lines = run("validate", file.toString()).outLines();
      for (int i = 0; i < lines.length - 1; i++) { // all but the summary
        expected.append(lines[i]).append('\n');
      }
    }
    expected.append("Validated 60 files: 30 valid, 30 invalid (30 errors, 15 warnings)\n");

    CliRun all = run("validate", dir.toString());

    assertThat(all.err()).isEmpty();
    assertThat(all.exitCode()).isEqualTo(1);
    assertThat(all.out()).isEqualTo(expected.toString());
    String[] args = new String[files.size() + 1];
    args[0] = "validate";
    for (int i = 0; i < files.size(); i++) {
      args[i + 1] = files.get(i).toString();
    }
    assertThat(run(args).out()).isEqualTo(expected.toString());
  }

  @Test
  void aDirectorysFilesComeInOrderOfTheirPathsElementByElement() throws IOException {
    // Plain string order would put "a-b/" (a hyphen) and "a.json" before "a/" (a slash sorts after both).
    Path invalid = resource("payloads/invalid/registration-total-as-string.json");
    for (String name : List.of("a.json", "a-b/a.json", "a/z.json", "a/b/c.json", "B.json", "a/b.json")) {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      Files.copy(invalid, file);
    }

    List<String> named = new ArrayList<>();
    for (String line : run("validate", dir.toString()).outLines()) {
      if (line.startsWith(dir.toString())) {
        String relative = line.substring(dir.toString().length() + 1);
        named.add(relative.substring(0, relative.indexOf(':')));
      }
    }

    assertThat(named).containsExactly("B.json", "a/b/c.json", "a/b.json", "a/z.json", "a-b/a.json", "a.json");
  }
}
