package io.webconnexkit.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import io.webconnexkit.validator.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kit's schemas for one profile, loaded from the {@code webconnex-schemas} jar by {@code $id}
 * with no network, each compiled once on first use and then shared. Thread-safe. Not API.
 */
public final class SchemaCatalog {

  public static final String ID_BASE = "https://webconnexkit.io/schemas/v1/";
  private static final String CLASSPATH_ROOT = "webconnex/schemas/v1/";

  private final Profile profile;
  private final SchemaRegistry registry;
  private final Map<String, String> filesByEvent;
  private final String envelopeFile;
  private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
  private final Map<String, Schema> extra;

  private static final Map<Profile, SchemaCatalog> SHARED = new java.util.EnumMap<>(Profile.class);

  /** The catalog of the kit's own schemas for a profile, one per process, shared by every validator. */
  public static SchemaCatalog shared(Profile profile) {
    synchronized (SHARED) {
      return SHARED.computeIfAbsent(profile, p -> new SchemaCatalog(p, Map.of()));
    }
  }

  public SchemaCatalog(Profile profile, Map<String, String> extraSchemas) {
    this.profile = profile;
    JsonNode index = readIndex();
    Map<String, String> events = new LinkedHashMap<>();
    index.get("events").fields().forEachRemaining(e -> events.put(e.getKey(), e.getValue().asText()));
    this.filesByEvent = Collections.unmodifiableMap(events);
    this.envelopeFile = index.get("envelope").asText();
    SchemaRegistryConfig config = SchemaRegistryConfig.builder()
        .formatAssertionsEnabled(true)
        .locale(Locale.ENGLISH)
        .build();
    Dialect dialect = Dialect.builder(Dialects.getDraft202012())
        .keyword(new LegacyTimestampKeyword())
        .keyword(new ObservedKeyword())
        .build();
    this.registry = SchemaRegistry.withDefaultDialect(dialect,
        b -> b.schemaRegistryConfig(config)
            .schemaIdResolvers(r -> r.mapPrefix(ID_BASE, "classpath:" + CLASSPATH_ROOT)));
    Map<String, Schema> extraCompiled = new LinkedHashMap<>();
    extraSchemas.forEach((eventType, json) -> {
      Schema schema = registry.getSchema(json, com.networknt.schema.InputFormat.JSON);
      schema.initializeValidators();
      extraCompiled.put(eventType, schema);
    });
    this.extra = Collections.unmodifiableMap(extraCompiled);
  }

  private static JsonNode readIndex() {
    try (InputStream in = SchemaCatalog.class.getClassLoader().getResourceAsStream(CLASSPATH_ROOT + "index.json")) {
      if (in == null) {
        throw new IllegalStateException("webconnex-schemas is not on the classpath (" + CLASSPATH_ROOT + "index.json not found)");
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Event types with a schema of their own: the documented ones plus any extra ones. */
  public Set<String> eventTypes() {
    Set<String> all = new java.util.LinkedHashSet<>(filesByEvent.keySet());
    all.addAll(extra.keySet());
    return all;
  }

  public Set<String> documentedEventTypes() {
    return filesByEvent.keySet();
  }

  public boolean has(String eventType) {
    return extra.containsKey(eventType) || filesByEvent.containsKey(eventType);
  }

  /** The schema for an event type, or the envelope for one without a schema. */
  public Schema schemaFor(String eventType) {
    Schema own = extra.get(eventType);
    if (own != null) {
      return own;
    }
    String file = eventType == null ? envelopeFile : filesByEvent.getOrDefault(eventType, envelopeFile);
    return compiled.computeIfAbsent(file, this::compile);
  }

  private Schema compile(String file) {
    Schema schema = registry.getSchema(SchemaLocation.of(ID_BASE + profile.folder() + "/" + file));
    // Resolve every $ref now: a broken schemas jar must fail on first use, not halfway through a payload.
    schema.initializeValidators();
    return schema;
  }
}
