package io.webconnexkit.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The test fixtures under {@code src/test/resources/io/webconnexkit/maven/fixtures}. */
final class Fixtures {

  /** The secret the WireMock fixtures were signed with (a test value, in {@code fixtures/secret.txt}). */
  static final String SECRET = "it-signing-secret-0001";

  private Fixtures() {}

  static Path dir() {
    try {
      return Path.of(Fixtures.class.getResource("fixtures").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A copy of the fixtures folder under {@code target}, so tests may add files without touching the sources. */
  static Path copyTo(Path target) {
    Path source = dir();
    try (Stream<Path> files = Files.walk(source)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path to = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  /** SHA-256 of every file under {@code dir}, with its last-modified time, by relative path. */
  static Map<String, String> checksums(Path dir) {
    Map<String, String> sums = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(p)) {
          byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
          sums.put(dir.relativize(p).toString(), HexFormat.of().formatHex(hash) + " " + Files.getLastModifiedTime(p));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return sums;
  }
}
