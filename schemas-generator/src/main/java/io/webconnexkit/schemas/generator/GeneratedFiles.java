package io.webconnexkit.schemas.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the generator produces: file contents keyed by their path relative to the repository root,
 * in path order.
 */
final class GeneratedFiles {

  /**
   * The folders whose files are all generated: a file in one of them that the contract no longer
   * produces (a removed or renamed event) is deleted when the files are written.
   */
  static final List<String> OWNED_FOLDERS = List.of(
      SchemaGenerator.SCHEMAS,
      SchemaGenerator.SCHEMAS + "lenient/",
      SchemaGenerator.SCHEMAS + "strict/",
      SchemaGenerator.SAMPLES);

  private final SortedMap<String, String> files;

  GeneratedFiles(Map<String, String> files) {
    this.files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
  }

  /** The contents, keyed by path relative to the repository root. */
  SortedMap<String, String> files() {
    return files;
  }

  /**
   * Writes every file under a root, leaving files whose content is already right untouched, and
   * deletes the files of {@link #OWNED_FOLDERS} that are not generated any more.
   *
   * @return what changed ("wrote PATH", "removed PATH"), in path order; empty when nothing did
   */
  List<String> writeUnder(Path root) throws IOException {
    List<String> changes = new ArrayList<>();
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path target = resolve(root, file.getKey());
      byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
      if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content)) {
        continue;
      }
      Files.createDirectories(target.getParent());
      Files.write(target, content);
      changes.add("wrote " + file.getKey());
    }
    for (String folder : OWNED_FOLDERS) {
      Path dir = resolve(root, folder);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      List<Path> stale;
      try (Stream<Path> listing = Files.list(dir)) {
        stale = listing.filter(Files::isRegularFile)
            .filter(p -> !files.containsKey(folder + p.getFileName()))
            .sorted()
            .toList();
      }
      for (Path file : stale) {
        Files.delete(file);
        changes.add("removed " + Text.printable(folder + file.getFileName()));
      }
    }
    return changes;
  }

  private static Path resolve(Path root, String relative) {
    Path target = root.resolve(relative).normalize();
    if (!target.startsWith(root.normalize())) {
      throw new IllegalStateException("generated path outside the root: " + Text.printable(relative));
    }
    return target;
  }
}
