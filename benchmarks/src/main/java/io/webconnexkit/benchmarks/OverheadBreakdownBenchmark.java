package io.webconnexkit.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Schema;
import io.webconnexkit.validator.WebconnexValidator;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Where the difference between {@code kitValidateBytes} and {@code readTreePlusNetworknt} goes:
 * each parser setting the kit uses, on its own and together, and validation of an already parsed
 * tree by the kit and by networknt. A diagnostic, run on demand (see {@code docs/performance.md});
 * the parser settings are copied from the kit's payload parser and must follow it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OverheadBreakdownBenchmark {

  @Param({"documentation", "registrants50"})
  public String payload;

  private byte[] body;
  private ObjectMapper plain;
  private ObjectMapper duplicateDetection;
  private ObjectMapper duplicateTreeKey;
  private ObjectMapper bigDecimalFloats;
  private ObjectMapper kitSettings;
  private JsonNode parsedPlain;
  private JsonNode parsedKitSettings;
  private Schema schema;
  private WebconnexValidator validator;

  @Setup
  public void setUp() throws IOException {
    body = Payloads.named(payload);
    plain = new ObjectMapper();
    duplicateDetection = JsonMapper.builder(JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
        .build();
    // The tree-level alternative: the tree's own map already tells when a key repeats.
    duplicateTreeKey = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();
    bigDecimalFloats = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    kitSettings = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(WebconnexValidator.DEFAULT_MAX_DEPTH)
                .maxNumberLength(WebconnexValidator.DEFAULT_MAX_NUMBER_LENGTH)
                .maxStringLength(WebconnexValidator.DEFAULT_MAX_STRING_LENGTH)
                .build())
            .build())
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .build();
    parsedPlain = plain.readTree(body);
    parsedKitSettings = readWithKitSettings();
    schema = ValidationBenchmark.rawNetworkntSchema();
    validator = WebconnexValidator.builder().build();
    if (!schema.validate(parsedKitSettings).isEmpty() || !validator.validate(parsedPlain).isValid()) {
      throw new IllegalStateException("payload " + payload + " is not valid on every path");
    }
  }

  private JsonNode readWithKitSettings() throws IOException {
    // As the kit reads a body: its own parser, so a failure can be located, then the tree.
    try (JsonParser parser = kitSettings.getFactory().createParser(body)) {
      return kitSettings.readTree(parser);
    }
  }

  @Benchmark
  public void readTreePlain(Blackhole bh) throws IOException {
    bh.consume(plain.readTree(body));
  }

  @Benchmark
  public void readTreeDuplicateDetection(Blackhole bh) throws IOException {
    bh.consume(duplicateDetection.readTree(body));
  }

  @Benchmark
  public void readTreeFailOnDuplicateTreeKey(Blackhole bh) throws IOException {
    bh.consume(duplicateTreeKey.readTree(body));
  }

  @Benchmark
  public void readTreeBigDecimalFloats(Blackhole bh) throws IOException {
    bh.consume(bigDecimalFloats.readTree(body));
  }

  @Benchmark
  public void readTreeKitSettings(Blackhole bh) throws IOException {
    bh.consume(readWithKitSettings());
  }

  @Benchmark
  public void networkntValidateKitParsedTree(Blackhole bh) {
    bh.consume(schema.validate(parsedKitSettings));
  }

  @Benchmark
  public void networkntValidatePlainTree(Blackhole bh) {
    bh.consume(schema.validate(parsedPlain));
  }

  @Benchmark
  public void kitValidateParsedTree(Blackhole bh) {
    bh.consume(validator.validate(parsedKitSettings));
  }
}
