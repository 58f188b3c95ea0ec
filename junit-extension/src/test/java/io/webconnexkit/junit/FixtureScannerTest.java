package io.webconnexkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixtureScannerTest {

  @TempDir
  Path temp;

  @Test
  void listsFixturesInAJarRecursivelySortedByName() throws IOException {
    Path jar = jar("fixtures.jar", "webconnex/", "webconnex/b.json", "webconnex/deep/", "webconnex/deep/a.json",
        "webconnex/notes.txt", "webconnex-other/c.json");

    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      assertThat(FixtureScanner.scan(loader, "webconnex/"))
          .extracting(FixtureScanner.Fixture::name, FixtureScanner.Fixture::resourcePath)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("b.json", "webconnex/b.json"),
              org.assertj.core.groups.Tuple.tuple("deep/a.json", "webconnex/deep/a.json"));
      assertThat(read(FixtureScanner.scan(loader, "webconnex").get(0))).isEqualTo("{\"file\":\"webconnex/b.json\"}");
    }
  }

  @Test
  void theFirstClasspathEntryWinsForTheSameName() throws IOException {
    Path directory = temp.resolve("classes");
    Files.createDirectories(directory.resolve("webconnex"));
    Files.writeString(directory.resolve("webconnex/b.json"), "{\"from\":\"directory\"}");
    Path jar = jar("later.jar", "webconnex/", "webconnex/b.json", "webconnex/only-in-jar.json");

    try (URLClassLoader loader = new URLClassLoader(new URL[] {directory.toUri().toURL(), jar.toUri().toURL()}, null)) {
      var fixtures = FixtureScanner.scan(loader, "webconnex/");
      assertThat(fixtures).extracting(FixtureScanner.Fixture::name).containsExactly("b.json", "only-in-jar.json");
      assertThat(read(fixtures.get(0))).isEqualTo("{\"from\":\"directory\"}");
      assertThat(read(fixtures.get(1))).isEqualTo("{\"file\":\"webconnex/only-in-jar.json\"}");
    }
  }

  @Test
  void listsJsonLinesArchivesBesideJsonFilesInDirectoriesAndJars() throws IOException {
    Path directory = temp.resolve("classes");
    Files.createDirectories(directory.resolve("webconnex/deep"));
    Files.writeString(directory.resolve("webconnex/deep/archive.jsonl"), "{}\n{}\n");
    Files.writeString(directory.resolve("webconnex/notes.md"), "not a fixture");
    Path jar = jar("archives.jar", "webconnex/", "webconnex/c.NDJSON", "webconnex/d.json", "webconnex/e.jsonl.txt");

    try (URLClassLoader loader = new URLClassLoader(new URL[] {directory.toUri().toURL(), jar.toUri().toURL()}, null)) {
      var fixtures = FixtureScanner.scan(loader, "webconnex");
      assertThat(fixtures).extracting(FixtureScanner.Fixture::name).containsExactly("c.NDJSON", "d.json", "deep/archive.jsonl");
      assertThat(read(fixtures.get(2))).isEqualTo("{}\n{}\n");
    }
  }

  @Test
  void readsAJarEntryWhenItsTurnComesAfterTheListingClosedTheJar() throws IOException {
    Path jar = jar("later.jar", "webconnex/", "webconnex/a.json");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      FixtureScanner.Fixture fixture = FixtureScanner.scan(loader, "webconnex/").get(0);

      assertThat(read(fixture)).isEqualTo("{\"file\":\"webconnex/a.json\"}");
      assertThat(read(fixture)).as("opened again").isEqualTo("{\"file\":\"webconnex/a.json\"}");
    }
  }

  @Test
  void aMissingFolderHasNoFixtures() throws IOException {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {temp.toUri().toURL()}, null)) {
      assertThat(FixtureScanner.scan(loader, "webconnex/")).isEmpty();
    }
  }

  private static String read(FixtureScanner.Fixture fixture) throws IOException {
    try (InputStream in = fixture.open()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Path jar(String name, String... entries) throws IOException {
    Path jar = temp.resolve(name);
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
      for (String entry : entries) {
        jarOut.putNextEntry(new JarEntry(entry));
        if (!entry.endsWith("/")) {
          jarOut.write(("{\"file\":\"" + entry + "\"}").getBytes(StandardCharsets.UTF_8));
        }
        jarOut.closeEntry();
      }
    }
    return jar;
  }
}
