package io.webconnexkit.maven;

import io.webconnexkit.validator.RecordedDeliveryReader;
import io.webconnexkit.validator.ReportLine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The folder the report files go to, written so that nothing the plugin did not create is ever
 * replaced. A file named {@value #MARKER} in the folder lists the files the plugin wrote there; a
 * report file may be written when no file of its name exists, or when the marker lists it. Each
 * file is written beside its final name and then moved over it, so a link in its place is
 * replaced, never followed, and a reader never sees half a report.
 */
final class ReportsFolder {

  /** The marker's name. */
  static final String MARKER = ".webconnex-reports";

  /** The marker's first line: how the plugin recognises a marker it wrote. */
  static final String MARKER_HEADER = "# Report files written by webconnex:validate, which replaces only the files "
      + "listed here";

  /** The most a marker the plugin wrote can hold; a larger file is not one. */
  private static final int MARKER_LIMIT = 64 * 1024;

  private final Path dir;
  private final Set<String> listed;

  private ReportsFolder(Path dir, Set<String> listed) {
    this.dir = dir;
    this.listed = listed;
  }

  /** What went wrong, in words that name the files (not yet escaped). */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /**
   * The folder, created if it does not exist, checked so that every file in {@code names} may be
   * written: none of them exists, or the plugin wrote it.
   *
   * @throws Refused when the folder cannot be made or a file is not the plugin's to replace
   */
  static ReportsFolder open(Path dir, List<String> names, Display display) throws Refused {
    try {
      Files.createDirectories(dir);
    } catch (IOException | SecurityException e) {
      throw new Refused("Cannot create the reports directory " + display.of(dir) + ": " + reason(e));
    }
    Path marker = dir.resolve(MARKER);
    Set<String> listed = new LinkedHashSet<>();
    Optional<BasicFileAttributes> markerAttributes = attributes(marker);
    if (markerAttributes.isPresent()) {
      listed = readMarker(marker, markerAttributes.get()).orElseThrow(() -> new Refused("Will not write reports in "
          + display.of(dir) + ": " + display.of(marker) + " exists and was not written by webconnex:validate; set "
          + "webconnex.reportsDirectory to a folder of its own"));
    }
    for (String name : names) {
      Path file = dir.resolve(name);
      Optional<BasicFileAttributes> existing = attributes(file);
      if (existing.isEmpty()) {
        continue;
      }
      if (existing.get().isDirectory()) {
        throw new Refused("Will not write " + display.of(file) + ": a folder of that name exists");
      }
      if (!listed.contains(name)) {
        throw new Refused("Will not write over " + display.of(file) + ": the file exists and webconnex:validate did "
            + "not write it; move it away, or set webconnex.reportsDirectory to a folder of its own");
      }
    }
    return new ReportsFolder(dir, listed);
  }

  /** Records that the plugin writes {@code names} here; call before writing them. */
  void claim(List<String> names) throws IOException {
    Set<String> all = new LinkedHashSet<>(listed);
    all.addAll(names);
    if (all.equals(listed) && Files.exists(dir.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    StringBuilder text = new StringBuilder(MARKER_HEADER).append('\n');
    all.forEach(n -> text.append(n).append('\n'));
    replace(MARKER, text.toString().getBytes(StandardCharsets.UTF_8));
    listed.clear();
    listed.addAll(all);
  }

  /** Writes one report file, which {@link #open} checked and {@link #claim} recorded. */
  void write(String name, byte[] content) throws IOException {
    if (!listed.contains(name)) {
      throw new IllegalStateException(name + " was not claimed");
    }
    replace(name, content);
  }

  Path path(String name) {
    return dir.resolve(name);
  }

  private void replace(String name, byte[] content) throws IOException {
    Path target = dir.resolve(name);
    Path temp = Files.createTempFile(dir, "." + name + ".", ".tmp");
    try {
      Files.write(temp, content);
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The names a marker lists, or empty when the file is not a marker the plugin wrote. */
  private static Optional<Set<String>> readMarker(Path marker, BasicFileAttributes attributes) {
    if (!attributes.isRegularFile() || attributes.size() > MARKER_LIMIT) {
      return Optional.empty();
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(marker, LinkOption.NOFOLLOW_LINKS)) {
      bytes = in.readNBytes(MARKER_LIMIT + 1);
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return Optional.empty();
    }
    List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
    if (lines.isEmpty() || !lines.get(0).equals(MARKER_HEADER)) {
      return Optional.empty();
    }
    Set<String> names = new LinkedHashSet<>();
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank() && !line.startsWith("#")) {
        names.add(line.trim());
      }
    }
    return Optional.of(names);
  }

  private static Optional<BasicFileAttributes> attributes(Path file) {
    try {
      return Optional.of(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String reason(Exception e) {
    return ReportLine.escape(e instanceof IOException io ? RecordedDeliveryReader.describe(io) : e.getClass().getSimpleName());
  }

  /** How messages name a path. */
  interface Display {
    String of(Path path);
  }

  /**
   * The fixtures root that holds {@code reports}, if any: a folder at or above it, or a fixture
   * file that a report would replace. Links are resolved where the paths exist, so a link to the
   * fixtures is seen through.
   */
  static Optional<Path> fixturesHolding(Path reports, List<Path> roots, List<String> names) {
    Path real = real(reports);
    for (Path root : roots) {
      Path realRoot = real(root);
      if (Files.isRegularFile(root)) {
        for (String name : names) {
          if (real.resolve(name).equals(realRoot)) {
            return Optional.of(root);
          }
        }
      } else if (real.startsWith(realRoot)) {
        return Optional.of(root);
      }
    }
    return Optional.empty();
  }

  /** The path with its longest existing part resolved to the real path, the rest as it is. */
  static Path real(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Deque<Path> rest = new ArrayDeque<>();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      rest.push(existing.getFileName());
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    try {
      Path r = existing.toRealPath();
      while (!rest.isEmpty()) {
        r = r.resolve(rest.pop());
      }
      return r;
    } catch (IOException | SecurityException e) {
      return absolute;
    }
  }
}
