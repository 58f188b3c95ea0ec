package io.webconnexkit.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Path options: picocli's own conversion would end in its message naming
 * {@code java.nio.file.InvalidPathException} when the JVM cannot represent a path; this says why in
 * words.
 */
final class PathConverter implements ITypeConverter<Path> {

  @Override
  public Path convert(String value) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new TypeConversionException(Printable.unusablePath(e, null, true));
    }
  }
}
