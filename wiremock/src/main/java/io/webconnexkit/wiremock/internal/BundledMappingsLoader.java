package io.webconnexkit.wiremock.internal;

import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.extension.MappingsLoaderExtension;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappingCollection;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import io.webconnexkit.validator.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@value #NAME} mappings loader: loads the bundled mappings, one
 * {@code POST /webconnex/events/{event}} stub per event type, when the mock is built with them.
 * Not API: register it through {@code MockWebconnex}.
 */
public final class BundledMappingsLoader implements MappingsLoaderExtension {

  /** The loader's name. */
  public static final String NAME = "webconnex-bundled-mappings";
  /** Where the bundled mappings are, one per event type ({@code registration.json}...). */
  public static final String RESOURCES = "webconnex/wiremock/mappings/";

  private final MockState state;

  /** A loader over the mock's shared state. */
  public BundledMappingsLoader(MockState state) {
    this.state = state;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public void loadMappingsInto(StubMappings stubMappings) {
    if (state.bundledMappings()) {
      mappings().forEach(stubMappings::addMapping);
    }
  }

  /** The bundled mappings, read afresh (WireMock changes the mappings it holds). */
  public static List<StubMapping> mappings() {
    List<StubMapping> mappings = new ArrayList<>();
    for (EventType type : EventType.values()) {
      String resource = RESOURCES + type.wireName() + ".json";
      try (InputStream in = BundledMappingsLoader.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing bundled mapping " + resource);
        }
        StubMappingCollection collection = Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8),
            StubMappingCollection.class);
        mappings.addAll(collection.getMappingOrMappings());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return mappings;
  }
}
