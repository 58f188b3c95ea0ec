package io.webconnexkit.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The published schemas, the index and docs/schema-reference.md are generated from src/contract.
 * This test regenerates them in memory and fails when a committed file differs, so a change to a
 * source cannot ship without its outputs. {@code -Dwebconnex.schemas.write=true} rewrites them.
 */
class GeneratedFilesAreUpToDateTest {

  private static final Path MODULE = Path.of("").toAbsolutePath();

  @Test
  void committedSchemasIndexAndReferenceMatchTheContractSources() throws IOException {
    if (Boolean.getBoolean("webconnex.schemas.write")) {
      SchemaGenerator.writeAll(MODULE);
    }
    Map<String, String> expected = SchemaGenerator.generate(MODULE.resolve("src/contract"));
    List<String> stale = new ArrayList<>();
    for (Map.Entry<String, String> file : expected.entrySet()) {
      Path path = MODULE.resolve(file.getKey()).normalize();
      if (!Files.exists(path) || !Files.readString(path).equals(file.getValue())) {
        stale.add(MODULE.relativize(path).toString());
      }
    }
    assertThat(stale)
        .as("generated files out of date; run ./mvnw -pl schemas test -Dwebconnex.schemas.write=true")
        .isEmpty();
  }

  @Test
  void noPublishedSchemaLacksASource() throws IOException {
    Map<String, String> expected = SchemaGenerator.generate(MODULE.resolve("src/contract"));
    try (Stream<Path> files = Files.walk(MODULE.resolve("src/main/resources/webconnex/schemas"))) {
      List<String> orphans =
          files.filter(Files::isRegularFile)
              .map(p -> MODULE.relativize(p).toString())
              .filter(p -> !expected.containsKey(p))
              .toList();
      assertThat(orphans).as("published files with no contract source").isEmpty();
    }
  }
}
