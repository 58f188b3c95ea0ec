package io.webconnexkit.junit;

import java.io.FilterInputStream;
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
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Lists the recorded files ({@code *.json}, and JSON Lines {@code *.jsonl} and {@code *.ndjson})
 * under a classpath folder, in directories and in jars. Files are listed, not read: each is opened
 * when its turn comes, so a folder of large archives is never held in memory at once.
 */
final class FixtureScanner {

  /** Opens a fixture's content. */
  @FunctionalInterface
  interface Opener {
    InputStream open() throws IOException;
  }

  /**
   * One file: its path under the folder (with {@code /}), its classpath resource path, and how to
   * read it.
   */
  record Fixture(String name, String resourcePath, Opener opener) {

    /** A new stream over the file's bytes, to be closed by the caller. */
    InputStream open() throws IOException {
      return opener.open();
    }
  }

  private FixtureScanner() {}

  /** Whether the kit reads a file of this name as a recorded delivery or an archive of them. */
  static boolean isFixture(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".ndjson");
  }

  /**
   * Every fixture under {@code folder}, recursively, sorted by name. When several classpath
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
      files = walk.filter(Files::isRegularFile).filter(p -> isFixture(p.getFileName().toString())).toList();
    }
    for (Path file : files) {
      String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
      found.putIfAbsent(name, new Fixture(name, dir + "/" + name, () -> Files.newInputStream(file)));
    }
  }

  private static void scanJar(URL root, String dir, Map<String, Fixture> found) throws IOException {
    JarURLConnection connection = (JarURLConnection) root.openConnection();
    // Our own JarFile, closed below, rather than the JVM's shared cached one.
    connection.setUseCaches(false);
    URL jarUrl = connection.getJarFileURL();
    try (JarFile jar = connection.getJarFile()) {
      String prefix = dir + "/";
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        String entryName = entry.getName();
        if (entry.isDirectory() || !entryName.startsWith(prefix) || !isFixture(entryName)) {
          continue;
        }
        String name = entryName.substring(prefix.length());
        if (!found.containsKey(name)) {
          found.put(name, new Fixture(name, entryName, opener(jarUrl, jar, entry)));
        }
      }
    }
  }

  /**
   * Opens the entry later from a jar on disk, which is opened again for it and closed with the
   * stream; a jar that is not a plain file (one nested in another) is read now.
   */
  private static Opener opener(URL jarUrl, JarFile listing, JarEntry entry) throws IOException {
    if ("file".equals(jarUrl.getProtocol())) {
      try {
        Path jarPath = Path.of(jarUrl.toURI());
        String entryName = entry.getName();
        return () -> {
          JarFile jar = new JarFile(jarPath.toFile());
          JarEntry again = jar.getJarEntry(entryName);
          if (again == null) {
            jar.close();
            throw new IOException("no entry " + entryName + " in " + jarPath + " any more");
          }
          return new FilterInputStream(jar.getInputStream(again)) {
            @Override
            public void close() throws IOException {
              try {
                super.close();
              } finally {
                jar.close();
              }
            }
          };
        };
      } catch (URISyntaxException | IllegalArgumentException e) {
        // Not a path this file system can open: read the entry now instead.
      }
    }
    byte[] bytes;
    try (InputStream in = listing.getInputStream(entry)) {
      bytes = in.readAllBytes();
    }
    return () -> new java.io.ByteArrayInputStream(bytes);
  }
}
