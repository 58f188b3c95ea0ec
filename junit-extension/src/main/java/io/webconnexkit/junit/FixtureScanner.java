package io.webconnexkit.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Lists the {@code *.json} files under a classpath folder, in directories and in jars. */
final class FixtureScanner {

  /**
   * One file: its path under the folder (with {@code /}), its classpath resource path, its bytes.
   */
  record Fixture(String name, String resourcePath, byte[] body) {}

  private FixtureScanner() {}

  /**
   * Every {@code *.json} under {@code folder}, recursively, sorted by name. When several classpath
   * entries hold the same name, the first one on the classpath wins, as it does for a resource.
   */
  static List<Fixture> scan(ClassLoader loader, String folder) {
    String dir = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
    Map<String, Fixture> found = new TreeMap<>();
    try {
      Enumeration<URL> roots = loader.getResources(dir);
      while (roots.hasMoreElements()) {
        URL root = roots.nextElement();
        switch (root.getProtocol()) {
          case "file" -> scanDirectory(Path.of(root.toURI()), dir, found);
          case "jar" -> scanJar(root, dir, found);
          default -> throw new ExtensionConfigurationException("cannot list the classpath folder " + dir + " at "
              + root + ": only folders in directories and jars can be listed");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the classpath folder " + dir, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot list the classpath folder " + dir, e);
    }
    return new ArrayList<>(found.values());
  }

  private static void scanDirectory(Path root, String dir, Map<String, Fixture> found) throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".json")).toList();
    }
    for (Path file : files) {
      String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
      if (!found.containsKey(name)) {
        found.put(name, new Fixture(name, dir + "/" + name, Files.readAllBytes(file)));
      }
    }
  }

  private static void scanJar(URL root, String dir, Map<String, Fixture> found) throws IOException {
    JarURLConnection connection = (JarURLConnection) root.openConnection();
    // Our own JarFile, closed below, rather than the JVM's shared cached one.
    connection.setUseCaches(false);
    try (JarFile jar = connection.getJarFile()) {
      String prefix = dir + "/";
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        String entryName = entry.getName();
        if (entry.isDirectory() || !entryName.startsWith(prefix) || !entryName.endsWith(".json")) {
          continue;
        }
        String name = entryName.substring(prefix.length());
        if (!found.containsKey(name)) {
          try (InputStream in = jar.getInputStream(entry)) {
            found.put(name, new Fixture(name, entryName, in.readAllBytes()));
          }
        }
      }
    }
  }
}
