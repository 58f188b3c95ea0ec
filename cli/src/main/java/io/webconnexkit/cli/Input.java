package io.webconnexkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One body to read: a file, or standard input ({@code -}). Directories are expanded into their
 * {@code *.json}, {@code *.jsonl} and {@code *.ndjson} files, recursively and in a fixed order, so
 * two runs print the same report.
 *
 * @param name how reports name it: the path as given (joined with the path inside a directory), or
 *     {@code <stdin>}
 * @param file the file, or null for standard input
 */
record Input(String name, Path file) {

  static final String STDIN_ARGUMENT = "-";
  static final String STDIN_NAME = "<stdin>";

  boolean isStdin() {
    return file == null;
  }

  /**
   * Every input the arguments name, in argument order, each directory's files sorted.
   *
   * @throws CommandFailure when a path does not exist or a directory cannot be read
   */
  static List<Input> expand(List<String> arguments) {
    Set<Input> inputs = new LinkedHashSet<>();
    boolean stdinSeen = false;
    for (String argument : arguments) {
      if (argument.equals(STDIN_ARGUMENT)) {
        if (stdinSeen) {
          throw new CommandFailure("'-' (standard input) can be given only once");
        }
        stdinSeen = true;
        inputs.add(new Input(STDIN_NAME, null));
        continue;
      }
      Path path = Printable.path(argument, null, true);
      if (Files.isDirectory(path)) {
        List<Path> found = jsonFilesUnder(path);
        if (found.isEmpty()) {
          throw new CommandFailure("no *.json, *.jsonl or *.ndjson files in directory " + path);
        }
        for (Path relative : found) {
          Path file = path.resolve(relative);
          inputs.add(new Input(file.toString(), file));
        }
      } else if (Files.exists(path)) {
        inputs.add(new Input(path.toString(), path));
      } else {
        throw new CommandFailure(path + ": no such file or directory");
      }
    }
    return List.copyOf(inputs);
  }

  /**
   * The one body a signing command reads: a file or {@code -}.
   *
   * @throws CommandFailure when the file does not exist or is a directory
   */
  static Input expandOne(String argument) {
    if (argument.equals(STDIN_ARGUMENT)) {
      return new Input(STDIN_NAME, null);
    }
    Path path = Printable.path(argument, null, true);
    if (Files.isDirectory(path)) {
      throw new CommandFailure(path + ": is a directory; give the one file whose bytes were sent");
    }
    if (!Files.exists(path)) {
      throw new CommandFailure(path + ": no such file or directory");
    }
    return new Input(path.toString(), path);
  }

  /** Paths relative to {@code dir} of the {@code *.json} files under it; links to directories are not followed. */
  private static List<Path> jsonFilesUnder(Path dir) {
    // Sorted element by element, so a directory's files stay together whatever characters names
    // contain: by the relative path with its separators as U+0000, which sorts below every character
    // a name can hold, each key made once rather than in every comparison.
    List<Map.Entry<String, Path>> found = new ArrayList<>();
    char separator = dir.getFileSystem().getSeparator().charAt(0);
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          boolean regular = attrs.isRegularFile() || (attrs.isSymbolicLink() && Files.isRegularFile(file));
          String name = file.getFileName().toString();
          if (regular && (name.endsWith(".json") || io.webconnexkit.validator.RecordedDeliveryReader.isJsonLines(name))) {
            Path relative = dir.relativize(file);
            found.add(Map.entry(relative.toString().replace(separator, '\0'), relative));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
          throw e;
        }
      });
    } catch (IOException e) {
      throw new CommandFailure("cannot read directory " + describe(e));
    }
    found.sort(Map.Entry.comparingByKey());
    List<Path> sorted = new ArrayList<>(found.size());
    found.forEach(entry -> sorted.add(entry.getValue()));
    return sorted;
  }

  /**
   * The bytes of this input, at most {@code limit + 1} of them: enough for the validator to say a
   * body is too large without this command holding all of it.
   */
  byte[] read(InputStream stdin, long limit) {
    int max = (int) Math.min(Integer.MAX_VALUE - 8L, limit + 1);
    if (isStdin()) {
      try {
        return stdin.readNBytes(max);
      } catch (IOException e) {
        throw new CommandFailure("cannot read standard input: " + e.getMessage());
      }
    }
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(max);
    } catch (IOException e) {
      throw new CommandFailure("cannot read " + describe(e));
    }
  }

  /**
   * This input as a stream, for signing: a signature covers the whole body, whatever its size, so
   * it is read to its end as it goes rather than held. Standard input is not closed with it.
   */
  InputStream open(InputStream stdin) {
    if (isStdin()) {
      return new java.io.FilterInputStream(stdin) {
        @Override
        public void close() {
          // Standard input belongs to the process, not to this command.
        }
      };
    }
    try {
      return Files.newInputStream(file);
    } catch (IOException e) {
      throw new CommandFailure("cannot read " + describe(e));
    }
  }

  /** The message for a read that failed part way, naming this input. */
  CommandFailure readFailure(IOException e) {
    if (isStdin()) {
      return new CommandFailure("cannot read standard input: " + e.getMessage());
    }
    boolean named = e instanceof java.nio.file.FileSystemException fse && fse.getFile() != null;
    return new CommandFailure("cannot read " + (named ? "" : name + ": ") + describe(e));
  }

  /** "path: reason", in words rather than exception class names. */
  static String describe(IOException e) {
    String reason;
    if (e instanceof NoSuchFileException) {
      reason = "no such file or directory";
    } else if (e instanceof AccessDeniedException) {
      reason = "permission denied";
    } else if (e.getMessage() != null && e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
      reason = fse.getReason().toLowerCase(java.util.Locale.ROOT);
    } else {
      reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
    String path = e instanceof java.nio.file.FileSystemException fse && fse.getFile() != null ? fse.getFile() : null;
    return path != null ? path + ": " + reason : reason;
  }
}
