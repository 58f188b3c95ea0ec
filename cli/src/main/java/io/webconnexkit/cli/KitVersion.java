package io.webconnexkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The kit version, from a resource Maven filters at build time, so it is right both in the shaded
 * jar and when classes run from {@code target/classes} (where there is no manifest).
 */
final class KitVersion implements IVersionProvider {

  static final String RESOURCE = "version.properties";

  @Override
  public String[] getVersion() {
    return new String[] {"webconnex " + version()};
  }

  static String version() {
    try (InputStream in = KitVersion.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version");
        if (v != null && !v.isBlank() && !v.startsWith("${")) {
          return v.trim();
        }
      }
    } catch (IOException ignored) {
      // Fall through to the manifest.
    }
    String fromManifest = KitVersion.class.getPackage().getImplementationVersion();
    return fromManifest != null ? fromManifest : "unknown";
  }
}
