package io.webconnexkit.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import io.webconnexkit.validator.DeliveryVerifier;
import io.webconnexkit.validator.Profile;
import io.webconnexkit.validator.SignatureStatus;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.validator.ValidationReport;
import io.webconnexkit.validator.WebconnexDelivery;
import io.webconnexkit.validator.WebconnexSignature;
import io.webconnexkit.validator.WebconnexValidator;
import io.webconnexkit.validator.internal.CompiledSchemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
 * What the kit costs over doing the same work by hand with Jackson and networknt.
 *
 * <p>The baselines are what a careful receiver would write without the kit: a plain
 * {@link ObjectMapper}, the same lenient registration schema compiled once in a networknt registry
 * with the same settings as the kit (format assertions on, {@code webconnexLegacyTimestamp} known
 * and ignored), and a JDK HMAC-SHA256 compared in constant time. The kit's methods must stay within
 * 15% of the matching baseline; see {@code docs/performance.md}.
 *
 * <p>Since the kit compiles its schemas into Java, {@code kitValidateBytes} and
 * {@code kitVerifyDelivery} take the compiled path for these valid payloads; the targets are now
 * half of {@code readTreePlusNetworknt} and 0.6 of {@code hmacPlusReadTreePlusNetworknt}.
 * {@code compiledValidateParsed} is the compiled check alone, beside {@code networkntValidateParsed};
 * {@code floorTokenScan} and {@code floorHmacPlusTokenScan} are what any validator must pay: one
 * pass of Jackson's tokenizer over the body (and the HMAC).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ValidationBenchmark {

  private static final String ID_BASE = "https://webconnexkit.io/schemas/v1/";
  private static final String EVENT_TYPE = "registration";

  /** {@code documentation}: Webconnex's own example; {@code registrants50}: one registration with 50 registrants. */
  @Param({"documentation", "registrants50"})
  public String payload;

  private byte[] body;
  private JsonNode parsed;
  private ObjectMapper mapper;
  private Schema schema;
  private WebconnexValidator validator;
  private DeliveryVerifier verifier;
  private WebconnexDelivery delivery;
  private byte[] secretKey;
  private String signatureHeader;
  private JsonFactory factory;

  @Setup
  public void setUp() throws IOException {
    body = Payloads.named(payload);
    mapper = new ObjectMapper();
    parsed = mapper.readTree(body);
    schema = rawNetworkntSchema();

    validator = WebconnexValidator.builder().build();
    SigningSecret secret = SigningSecret.of("whsec-benchmark-0123456789abcdef");
    verifier = DeliveryVerifier.builder().validator(validator).signingSecret(secret).build();
    delivery = WebconnexDelivery.signed(EVENT_TYPE, body, secret);
    secretKey = "whsec-benchmark-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    signatureHeader = WebconnexSignature.sign(secret, body);
    factory = new JsonFactory();
    if (!CompiledSchemas.certainlyClean(Profile.LENIENT, EVENT_TYPE, parsed)) {
      throw new IllegalStateException("payload " + payload + " does not take the compiled path");
    }

    // Compare like with like: both sides must take the path of a valid payload.
    List<com.networknt.schema.Error> baselineErrors = schema.validate(parsed);
    ValidationReport kit = validator.validate(body);
    ValidationReport delivered = verifier.verify(delivery);
    if (!baselineErrors.isEmpty() || !kit.isValid() || !delivered.isValid()
        || delivered.signature() != SignatureStatus.VERIFIED || !hmacMatches()) {
      throw new IllegalStateException("payload " + payload + " is not valid on every path: baseline " + baselineErrors
          + System.lineSeparator() + "kit " + kit + System.lineSeparator() + "delivery " + delivered);
    }
  }

  /** The lenient registration schema in a registry set up as a hand-written receiver would. */
  static Schema rawNetworkntSchema() {
    SchemaRegistryConfig config = SchemaRegistryConfig.builder()
        .formatAssertionsEnabled(true)
        .locale(Locale.ENGLISH)
        .build();
    Dialect dialect = Dialect.builder(Dialects.getDraft202012())
        .keyword(new NonValidationKeyword("webconnexLegacyTimestamp"))
        .build();
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(dialect,
        b -> b.schemaRegistryConfig(config)
            .schemaIdResolvers(r -> r.mapPrefix(ID_BASE, "classpath:webconnex/schemas/v1/")));
    Schema schema = registry.getSchema(SchemaLocation.of(ID_BASE + "lenient/registration.json"));
    schema.initializeValidators();
    return schema;
  }

  private boolean hmacMatches() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secretKey, "HmacSHA256"));
      return MessageDigest.isEqual(mac.doFinal(body), HexFormat.of().parseHex(signatureHeader));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Benchmark
  public void jacksonReadTree(Blackhole bh) throws IOException {
    bh.consume(mapper.readTree(body));
  }

  @Benchmark
  public void networkntValidateParsed(Blackhole bh) {
    bh.consume(schema.validate(parsed));
  }

  @Benchmark
  public void readTreePlusNetworknt(Blackhole bh) throws IOException {
    bh.consume(schema.validate(mapper.readTree(body)));
  }

  @Benchmark
  public void kitValidateBytes(Blackhole bh) {
    bh.consume(validator.validate(body));
  }

  @Benchmark
  public void hmacOnly(Blackhole bh) {
    bh.consume(hmacMatches());
  }

  @Benchmark
  public void hmacPlusReadTreePlusNetworknt(Blackhole bh) throws IOException {
    bh.consume(hmacMatches());
    bh.consume(schema.validate(mapper.readTree(body)));
  }

  @Benchmark
  public void kitVerifyDelivery(Blackhole bh) {
    bh.consume(verifier.verify(delivery));
  }

  @Benchmark
  public void compiledValidateParsed(Blackhole bh) {
    bh.consume(CompiledSchemas.certainlyClean(Profile.LENIENT, EVENT_TYPE, parsed));
  }

  @Benchmark
  public void floorTokenScan(Blackhole bh) throws IOException {
    bh.consume(scan());
  }

  @Benchmark
  public void floorHmacPlusTokenScan(Blackhole bh) throws IOException {
    bh.consume(hmacMatches());
    bh.consume(scan());
  }

  /** Every token of the body, read and dropped: the least a validator that looks at every value does. */
  private int scan() throws IOException {
    int tokens = 0;
    try (JsonParser p = factory.createParser(body)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        tokens++;
      }
    }
    return tokens;
  }
}
