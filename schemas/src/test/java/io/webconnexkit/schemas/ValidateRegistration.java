package io.webconnexkit.schemas;

// The example of schemas/README.md, verbatim: the docs module checks they stay the same.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

public class ValidateRegistration {

  static final String ID_BASE = "https://webconnexkit.io/schemas/v1/";

  public static void main(String[] args) throws Exception {
    // Draft 2020-12, keeping its id, plus the lenient timestamp's custom keyword (known, silent).
    Dialect dialect = Dialect.builder(Dialects.getDraft202012())
        .keyword(new NonValidationKeyword("webconnexLegacyTimestamp"))
        .build();
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(dialect, builder -> builder
        .schemaRegistryConfig(SchemaRegistryConfig.builder()
            .formatAssertionsEnabled(true)   // off by default in 2020-12: date-time would not be checked
            .locale(Locale.ENGLISH)
            .build())
        .schemaIdResolvers(r -> r.mapPrefix(ID_BASE, "classpath:webconnex/schemas/v1/")));

    // Build once and keep: the registry caches schemas loaded by location.
    Schema strict = registry.getSchema(SchemaLocation.of(ID_BASE + "strict/registration.json"));

    JsonNode payload;
    try (InputStream in = ValidateRegistration.class.getClassLoader()
        .getResourceAsStream("webconnex/samples/v1/registration.json")) {
      payload = new ObjectMapper().readTree(in);
    }
    List<com.networknt.schema.Error> errors = strict.validate(payload);
    for (com.networknt.schema.Error error : errors) {
      // "required" errors point at the parent object and name the member in getProperty().
      System.out.println(error.getInstanceLocation() + " " + error.getKeyword() + ": " + error.getMessage());
    }
    System.out.println(errors.isEmpty() ? "valid" : errors.size() + " errors");
  }
}
