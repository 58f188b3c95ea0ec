package io.webconnexkit.schemas.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns the contract sources ({@code schemas/src/contract/*.json}) into the Java records of the
 * model module ({@code webconnex-model}): one record per event, per data object and per shared
 * object definition, the sealed families {@code WebconnexEvent} and {@code FieldValue}, and the
 * index the model's binder reads. {@link ModelContract} says how a field's schema becomes a Java
 * type; {@link ModelSource} writes the files.
 *
 * <p>The model module runs this class at {@code generate-sources}, writing into its
 * {@code target/generated-sources}: the records are build output, never committed or edited, so a
 * field added to the contract appears in the types with no second edit. The output depends only on
 * the contract files: the same sources give the same bytes.
 */
public final class ModelGenerator {

  private ModelGenerator() {}

  /**
   * Generates the model's sources from the contract of a repository.
   *
   * <p>Arguments: {@code --repository=DIR} (the repository root, whose {@code schemas/src/contract}
   * is read) and {@code --out=DIR} (the generated sources folder). Files whose content is already
   * right are left untouched, so that the compiler sees no change; a {@code .java} file under the
   * model's package folders that is not generated any more (a removed event) is deleted. A bad
   * contract or argument ends in a {@code ContractException} naming the file, the place and the
   * problem.
   *
   * @param args the arguments above
   * @throws IOException when a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    Path repository = null;
    Path out = null;
    for (String arg : args) {
      if (arg.startsWith("--repository=")) {
        repository = Path.of(arg.substring("--repository=".length())).toAbsolutePath().normalize();
      } else if (arg.startsWith("--out=")) {
        out = Path.of(arg.substring("--out=".length())).toAbsolutePath().normalize();
      } else {
        throw new ContractException("unknown argument " + Text.printable(arg) + "; " + usage());
      }
    }
    if (repository == null || out == null) {
      throw new ContractException(usage());
    }
    write(generate(repository.resolve(SchemaGenerator.CONTRACT_DIR)), out);
  }

  private static String usage() {
    return "usage: ModelGenerator --repository=DIR --out=DIR";
  }

  /** Every generated source file, keyed by its path under the generated sources folder. */
  static Map<String, String> generate(Path contractDir) {
    return ModelSource.files(ModelContract.read(contractDir));
  }

  /**
   * Writes the files under a folder, leaving those already right untouched and deleting the
   * {@code .java} files of the model's package folders that are not generated.
   */
  static void write(Map<String, String> files, Path out) throws IOException {
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path target = out.resolve(file.getKey()).normalize();
      byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
      if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content)) {
        continue;
      }
      Files.createDirectories(target.getParent());
      Files.write(target, content);
    }
    for (String folder : List.of(ModelSource.PACKAGE, ModelSource.INTERNAL)) {
      Path dir = out.resolve(folder.replace('.', '/'));
      if (!Files.isDirectory(dir)) {
        continue;
      }
      List<Path> stale;
      try (Stream<Path> listing = Files.list(dir)) {
        stale = listing.filter(p -> p.getFileName().toString().endsWith(".java"))
            .filter(p -> !files.containsKey(out.relativize(p).toString().replace('\\', '/')))
            .sorted()
            .toList();
      }
      for (Path file : stale) {
        Files.delete(file);
      }
    }
  }
}
