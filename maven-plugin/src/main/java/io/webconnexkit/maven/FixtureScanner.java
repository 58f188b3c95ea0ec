package io.webconnexkit.maven;

import io.webconnexkit.validator.RecordedDeliveryReader;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Finds fixture files: every file under each folder whose path relative to that folder matches
 * an include and no exclude, in an order fixed by the names so two runs report alike; files named
 * directly are taken as they are.
 */
final class FixtureScanner {

  /** {@code **}{@code /*.json}: any folder, then a name ending in a fixed suffix. */
  private static final Pattern ANY_FOLDER_SUFFIX = Pattern.compile("\\*\\*/\\*[^*?/\\\\\\[\\]{}]+");

  /** A file found, or a path that could not be read (then {@code failure} says why). */
  record Found(Path file, String failure) {}

  private final List<PathMatcher> includes;
  private final List<PathMatcher> excludes;

  FixtureScanner(List<String> includes, List<String> excludes) {
    FileSystem fs = FileSystems.getDefault();
    this.includes = matchers(fs, includes);
    this.excludes = matchers(fs, excludes);
  }

  /** Every file under the given roots, each once, in root order then path order. */
  List<Found> scan(List<Path> roots, List<Path> missing) {
    List<Found> found = new ArrayList<>();
    scan(roots, missing, found::addAll);
    return found;
  }

  /**
   * Hands the files found to {@code batch} folder by folder, as soon as each folder is listed, so
   * validating can start while folders are still being read. Order: root by root; in a folder,
   * entries by name, a subfolder's files where the subfolder's name falls.
   */
  void scan(List<Path> roots, List<Path> missing, Consumer<List<Found>> batch) {
    Set<Path> seen = new HashSet<>();
    for (Path root : roots) {
      if (Files.isRegularFile(root)) {
        if (seen.add(root)) {
          batch.accept(List.of(new Found(root, null)));
        }
      } else if (Files.isDirectory(root)) {
        walk(root, root, seen, batch);
      } else {
        missing.add(root);
      }
    }
  }

  boolean matches(Path relative) {
    return includes.stream().anyMatch(m -> m.matches(relative)) && excludes.stream().noneMatch(m -> m.matches(relative));
  }

  private void walk(Path root, Path dir, Set<Path> seen, Consumer<List<Found>> batch) {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(entries::add);
    } catch (IOException | DirectoryIteratorException e) {
      // Reported as a broken fixture; the other folders are still checked.
      IOException io = e instanceof DirectoryIteratorException d ? d.getCause() : (IOException) e;
      batch.accept(List.of(new Found(dir, RecordedDeliveryReader.describe(io))));
      return;
    }
    entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
    List<Found> files = new ArrayList<>();
    for (Path entry : entries) {
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        files.add(new Found(entry, RecordedDeliveryReader.describe(e)));
        continue;
      }
      if (attributes.isDirectory()) {
        // Links to folders are not followed: no cycles, and each file is reported under one name.
        flush(files, batch);
        walk(root, entry, seen, batch);
      } else if ((attributes.isRegularFile() || (attributes.isSymbolicLink() && !Files.isDirectory(entry)))
          && matches(root.relativize(entry)) && seen.add(entry)) {
        // A link to a file counts as that file; a dangling link is reported as a fixture that cannot be read.
        files.add(new Found(entry, null));
      }
    }
    flush(files, batch);
  }

  private static void flush(List<Found> files, Consumer<List<Found>> batch) {
    if (!files.isEmpty()) {
      batch.accept(List.copyOf(files));
      files.clear();
    }
  }

  private static List<PathMatcher> matchers(FileSystem fs, List<String> patterns) {
    List<PathMatcher> matchers = new ArrayList<>();
    for (String pattern : patterns) {
      String p = pattern.trim();
      if (ANY_FOLDER_SUFFIX.matcher(p).matches()) {
        // "**/*.json", the common case: a name test, without a regular expression per file.
        String suffix = p.substring(4);
        matchers.add(path -> path.getFileName() != null && path.getFileName().toString().endsWith(suffix));
        continue;
      }
      for (String glob : globs(p)) {
        matchers.add(fs.getPathMatcher("glob:" + glob));
      }
    }
    return matchers;
  }

  /**
   * The globs that together mean what the Ant-style pattern means. In Ant, {@code **}{@code /}
   * also matches no folder at all ({@code **}{@code /*.json} matches {@code a.json}); in a
   * {@code java.nio} glob it needs at least one, so each {@code **}{@code /} is also tried
   * without. A pattern ending in {@code /} matches everything below it, as in Ant.
   */
  static List<String> globs(String pattern) {
    String p = pattern.replace('\\', '/');
    if (p.endsWith("/")) {
      p = p + "**";
    }
    List<String> globs = new ArrayList<>();
    expand(p, 0, globs);
    return globs;
  }

  private static void expand(String p, int from, List<String> out) {
    int i = p.indexOf("**/", from);
    if (i < 0 || (i > 0 && p.charAt(i - 1) != '/')) {
      out.add(p);
      return;
    }
    expand(p, i + 3, out);
    expand(p.substring(0, i) + p.substring(i + 3), i, out);
  }
}
