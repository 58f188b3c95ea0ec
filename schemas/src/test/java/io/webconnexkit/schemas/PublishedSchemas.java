package io.webconnexkit.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The schemas as the jar publishes them, read from the classpath. */
final class PublishedSchemas {

  static final ObjectMapper MAPPER = new ObjectMapper();

  /** The $id prefix of every published schema. */
  static final String ID_BASE = "https://webconnexkit.io/schemas/v1/";

  /** The classpath folder of the published schemas. */
  static final String RESOURCE_ROOT = "webconnex/schemas/v1/";

  static final List<String> PROFILES = List.of("lenient", "strict");

  private PublishedSchemas() {}

  static JsonNode resource(String path) {
    try (InputStream in = PublishedSchemas.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("not on the classpath: " + path);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode index() {
    return resource(RESOURCE_ROOT + "index.json");
  }

  /** Every schema file of one profile, keyed by file name. */
  static Map<String, JsonNode> profile(String profile) {
    JsonNode index = index();
    Map<String, JsonNode> files = new TreeMap<>();
    index.get("events").forEach(file -> files.computeIfAbsent(file.asText(), f -> load(profile, f)));
    files.put(index.get("envelope").asText(), load(profile, index.get("envelope").asText()));
    files.put(index.get("definitions").asText(), load(profile, index.get("definitions").asText()));
    return files;
  }

  private static JsonNode load(String profile, String file) {
    return resource(RESOURCE_ROOT + profile + "/" + file);
  }
}
