package io.webconnexkit.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The bundled samples (webconnex/samples/v1): one valid payload per event type, valid under both profiles. */
class SamplesTest {

  static final String SAMPLES = "webconnex/samples/v1/";

  /** The file names of the samples on the classpath. */
  static List<String> sampleFiles() throws IOException, URISyntaxException {
    URL folder = SamplesTest.class.getClassLoader().getResource(SAMPLES);
    assertThat(folder).as("classpath folder " + SAMPLES).isNotNull();
    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  static JsonNode sample(String file) {
    return PublishedSchemas.resource(SAMPLES + file);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sampleFiles")
  void sampleIsValidUnderTheLenientAndTheStrictProfile(String file) {
    JsonNode payload = sample(file);

    List<com.networknt.schema.Error> lenient = SchemaValidation.validate("lenient", payload);
    List<com.networknt.schema.Error> strict = SchemaValidation.validate("strict", payload);

    assertThat(lenient).as("%s under lenient:%s", file, SchemaValidation.describe(lenient)).isEmpty();
    assertThat(strict).as("%s under strict:%s", file, SchemaValidation.describe(strict)).isEmpty();
  }

  @Test
  void thereIsExactlyOneSampleForEachEventTypeOfTheIndex() throws IOException, URISyntaxException {
    List<String> expected = new ArrayList<>();
    PublishedSchemas.index().path("events").fieldNames().forEachRemaining(event -> expected.add(event + ".json"));

    assertThat(sampleFiles()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sampleFiles")
  void sampleCarriesTheEventTypeItsFileIsNamedAfter(String file) {
    assertThat(sample(file).path("eventType").asText() + ".json").isEqualTo(file);
  }
}
