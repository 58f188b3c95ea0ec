package io.webconnexkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
  void listsJsonFilesInAJarRecursivelySortedByName() throws IOException {
    Path jar = jar("fixtures.jar", "webconnex/", "webconnex/b.json", "webconnex/deep/", "webconnex/deep/a.json",
        "webconnex/notes.txt", "webconnex-other/c.json");

    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      assertThat(FixtureScanner.scan(loader, "webconnex/"))
          .extracting(FixtureScanner.Fixture::name, FixtureScanner.Fixture::resourcePath)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("b.json", "webconnex/b.json"),
              org.assertj.core.groups.Tuple.tuple("deep/a.json", "webconnex/deep/a.json"));
      assertThat(new String(FixtureScanner.scan(loader, "webconnex").get(0).body(), StandardCharsets.UTF_8))
          .isEqualTo("{\"file\":\"webconnex/b.json\"}");
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
      assertThat(new String(fixtures.get(0).body(), StandardCharsets.UTF_8)).isEqualTo("{\"from\":\"directory\"}");
    }
  }

  @Test
  void aMissingFolderHasNoFixtures() throws IOException {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {temp.toUri().toURL()}, null)) {
      assertThat(FixtureScanner.scan(loader, "webconnex/")).isEmpty();
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
