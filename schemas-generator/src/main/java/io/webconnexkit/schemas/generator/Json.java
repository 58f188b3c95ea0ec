package io.webconnexkit.schemas.generator;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Reading contract files and writing generated JSON in one fixed layout. */
final class Json {

  /** Rejects duplicate keys: a contract with two "required" would otherwise lose one silently. */
  static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private static final Separators SEPARATORS =
      Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER);

  /** Two-space indentation, {@code "key": value}, one value a line; empty containers as {@code { }}. */
  private static final ObjectWriter SCHEMA_WRITER = MAPPER.writer(printer(SEPARATORS));

  /** As the schemas, but empty containers as {@code []} and {@code {}}, like payloads usually are. */
  private static final ObjectWriter SAMPLE_WRITER =
      MAPPER.writer(printer(SEPARATORS.withArrayEmptySeparator("").withObjectEmptySeparator("")));

  private Json() {}

  private static DefaultPrettyPrinter printer(Separators separators) {
    return new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"))
        .withSeparators(separators);
  }

  static JsonNode read(Path file) {
    try {
      JsonNode tree = MAPPER.readTree(file.toFile());
      if (tree == null || tree.isMissingNode()) {
        throw new ContractException(Text.printable(file.toString()) + ": empty file, not a contract");
      }
      return tree;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String position = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
      throw new ContractException(
          Text.printable(file.toString()) + position + ": not JSON: " + Text.printable(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new ContractException(
          Text.printable(file.toString()) + ": cannot read it: " + Text.printable(String.valueOf(e.getMessage())));
    }
  }

  static String writeSchema(JsonNode node) {
    return write(SCHEMA_WRITER, node);
  }

  static String writeSample(JsonNode node) {
    return write(SAMPLE_WRITER, node);
  }

  private static String write(ObjectWriter writer, JsonNode node) {
    try {
      return writer.writeValueAsString(node) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
