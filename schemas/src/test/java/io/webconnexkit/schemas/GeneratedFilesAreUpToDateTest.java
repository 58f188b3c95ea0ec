package io.webconnexkit.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.webconnexkit.schemas.generator.SchemaGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published schemas, index.json, the bundled samples and docs/schema-reference.md are generated
 * from src/contract by the build step at {@code generate-resources} (schemas-generator), into
 * {@code target/generated-contract} under their paths in the repository. This test fails when a
 * committed file differs from what that step produced, is missing, or has no source any more, and
 * names the one command that brings them up to date.
 */
class GeneratedFilesAreUpToDateTest {

  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path REPOSITORY = MODULE.getParent();
  private static final Path GENERATED = MODULE.resolve("target/generated-contract");

  /** The folders that hold only generated files, relative to the repository root. */
  private static final List<String> GENERATED_FOLDERS = List.of(
      "schemas/src/main/resources/webconnex/schemas",
      "schemas/src/main/resources/webconnex/samples");

  private static final String RUN = "; run " + SchemaGenerator.REGENERATE_COMMAND;

  @Test
  void committedSchemasIndexSamplesAndReferenceMatchWhatTheBuildGenerated() throws IOException {
    assertThat(GENERATED)
        .as("%s is missing: the generate-resources step of the schemas module writes it%s", GENERATED, RUN)
        .isDirectory();

    assertThat(staleFiles(GENERATED, REPOSITORY)).as("generated files out of date" + RUN).isEmpty();
  }

  @Test
  void everyCommittedFileOfTheGeneratedFoldersHasASource() throws IOException {
    assertThat(orphans(GENERATED, REPOSITORY)).as("committed files the contract no longer produces" + RUN).isEmpty();
  }

  @Test
  void theBuildGeneratedTheSamplesAndTheReferenceToo() throws IOException {
    List<String> generated = relativeFiles(GENERATED);

    assertThat(generated)
        .contains("docs/schema-reference.md", "schemas/src/main/resources/webconnex/schemas/v1/index.json")
        .filteredOn(path -> path.startsWith("schemas/src/main/resources/webconnex/samples/v1/"))
        .hasSize(PublishedSchemas.index().path("events").size());
  }

  @Test
  void aChangedOrMissingCommittedFileIsStale(@TempDir Path temp) throws IOException {
    Path generated = temp.resolve("generated");
    Path repository = temp.resolve("repository");
    write(generated.resolve("docs/schema-reference.md"), "# Schema reference\n");
    write(generated.resolve("schemas/src/main/resources/webconnex/samples/v1/test.json"), "{}\n");
    write(generated.resolve("schemas/src/main/resources/webconnex/samples/v1/sms.json"), "{ }\n");
    write(repository.resolve("docs/schema-reference.md"), "# Schema reference\n");
    write(repository.resolve("schemas/src/main/resources/webconnex/samples/v1/test.json"), "{}\r\n");

    assertThat(staleFiles(generated, repository)).containsExactly(
        "schemas/src/main/resources/webconnex/samples/v1/sms.json (missing)",
        "schemas/src/main/resources/webconnex/samples/v1/test.json");
  }

  @Test
  void aCommittedFileTheGeneratorDidNotProduceIsAnOrphan(@TempDir Path temp) throws IOException {
    Path generated = temp.resolve("generated");
    Path repository = temp.resolve("repository");
    write(generated.resolve("schemas/src/main/resources/webconnex/samples/v1/test.json"), "{}\n");
    write(repository.resolve("schemas/src/main/resources/webconnex/samples/v1/test.json"), "{}\n");
    write(repository.resolve("schemas/src/main/resources/webconnex/samples/v1/ping.json"), "{}\n");
    write(repository.resolve("schemas/src/main/resources/webconnex/schemas/v1/strict/ping.json"), "{}\n");

    assertThat(orphans(generated, repository)).containsExactly(
        "schemas/src/main/resources/webconnex/samples/v1/ping.json",
        "schemas/src/main/resources/webconnex/schemas/v1/strict/ping.json");
  }

  /** The generated files whose committed copy is missing or has other bytes. */
  static List<String> staleFiles(Path generated, Path repository) throws IOException {
    List<String> stale = new ArrayList<>();
    for (String path : relativeFiles(generated)) {
      Path committed = repository.resolve(path);
      if (!Files.isRegularFile(committed)) {
        stale.add(path + " (missing)");
      } else if (!Arrays.equals(Files.readAllBytes(committed), Files.readAllBytes(generated.resolve(path)))) {
        stale.add(path);
      }
    }
    return stale;
  }

  /** The committed files of the generated folders that the build did not generate. */
  static List<String> orphans(Path generated, Path repository) throws IOException {
    List<String> orphans = new ArrayList<>();
    for (String folder : GENERATED_FOLDERS) {
      for (String path : relativeFiles(repository.resolve(folder))) {
        String inRepository = folder + "/" + path;
        if (!Files.isRegularFile(generated.resolve(inRepository))) {
          orphans.add(inRepository);
        }
      }
    }
    return orphans.stream().sorted().toList();
  }

  /** Every regular file under a folder, as sorted paths relative to it with '/' separators. */
  private static List<String> relativeFiles(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile)
          .map(p -> folder.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
