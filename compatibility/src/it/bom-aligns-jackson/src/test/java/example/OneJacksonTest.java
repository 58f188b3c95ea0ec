package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** One Jackson across the graph: the kit's, the user's own modules and WireMock's. */
class OneJacksonTest {

  private static final String KIT_JACKSON = System.getProperty("kit.jackson.version");
  private static final Pattern JACKSON_POM_PROPERTIES =
      Pattern.compile("META-INF/maven/(com\\.fasterxml\\.jackson(?:\\.[a-z0-9]+)*)/([^/]+)/pom\\.properties");

  @Test
  void databindAndCoreAreTheKitsJackson() {
    assertEquals(KIT_JACKSON, com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
    assertEquals(KIT_JACKSON, com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString());
  }

  @Test
  void everyDatatypeModuleReportsTheSameVersion() {
    Map<String, String> datatypes = new TreeMap<>();
    for (Module module : ServiceLoader.load(Module.class)) {
      if (module.getClass().getName().startsWith("com.fasterxml.jackson.datatype.")) {
        Version version = module.version();
        datatypes.put(module.getModuleName(), version.toString());
      }
    }

    // jsr310 and jdk8 are the user's (declared without a version); jsr310 is also WireMock's.
    assertTrue(datatypes.size() >= 2, datatypes::toString);
    datatypes.forEach((name, version) -> assertEquals(KIT_JACKSON, version, name));
  }

  @Test
  void everyJacksonJarOnTheClassPathIsOfOneRelease() throws IOException {
    Map<String, String> jackson = new TreeMap<>();
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!entry.endsWith(".jar")) {
        continue;
      }
      try (JarFile jar = new JarFile(entry)) {
        for (JarEntry file : Collections.list(jar.entries())) {
          Matcher m = JACKSON_POM_PROPERTIES.matcher(file.getName());
          if (m.matches()) {
            Properties properties = new Properties();
            try (InputStream in = jar.getInputStream(file)) {
              properties.load(in);
            }
            String previous = jackson.put(m.group(1) + ":" + m.group(2), properties.getProperty("version"));
            assertNull(previous, () -> m.group(2) + " is on the class path twice");
          }
        }
      }
    }

    assertTrue(jackson.keySet().containsAll(List.of("com.fasterxml.jackson.core:jackson-core",
        "com.fasterxml.jackson.core:jackson-databind", "com.fasterxml.jackson.datatype:jackson-datatype-jsr310",
        "com.fasterxml.jackson.datatype:jackson-datatype-jdk8")), jackson::toString);
    jackson.forEach((artifact, version) -> {
      // jackson-annotations is released as major.minor since 2.20; every other module as the full version.
      String expected = artifact.endsWith(":jackson-annotations")
          ? KIT_JACKSON.replaceFirst("^(\\d+\\.\\d+).*", "$1") : KIT_JACKSON;
      assertEquals(expected, version, () -> artifact + " in " + jackson);
    });
  }

  @Test
  void theUsersJavaTimeModuleWorksWithTheKitsDatabind() throws Exception {
    ObjectMapper mapper = new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    OffsetDateTime time = OffsetDateTime.parse("2016-08-31T17:03:08Z");

    assertEquals("\"2016-08-31T17:03:08Z\"", mapper.writeValueAsString(time));
    assertEquals(Optional.of("x"), mapper.readValue("\"x\"", mapper.getTypeFactory().constructType(
        new com.fasterxml.jackson.core.type.TypeReference<Optional<String>>() {})));
    assertFalse(mapper.getRegisteredModuleIds().isEmpty());
  }
}
