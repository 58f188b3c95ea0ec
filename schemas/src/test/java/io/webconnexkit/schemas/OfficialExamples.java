package io.webconnexkit.schemas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The example payloads printed in the API documentation text (seeds/001_...txt): every
 * {@code ```json} block, with the {@code ### } section it belongs to.
 */
final class OfficialExamples {

  /**
   * D-SUBSCRIPTION-COMMA: the subscription example has a trailing comma after
   * {@code "status": "active"}. This is the only repair made to any example.
   */
  static final Pattern SUBSCRIPTION_TRAILING_COMMA = Pattern.compile("(\"status\": \"active\"),(\\s*})");

  static final String SUBSCRIPTION_SECTION = "Subscription";

  /**
   * One example as printed.
   *
   * @param firstLine the 1-based line of the seed text on which the JSON starts
   */
  record Example(String section, int firstLine, String text) {

    /** The example as JSON, after the one documented repair where it applies. */
    JsonNode json() {
      String body = section.equals(SUBSCRIPTION_SECTION) ? repairSubscriptionComma(text) : text;
      try {
        return PublishedSchemas.MAPPER.readTree(body);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("the " + section + " example is not JSON: " + e.getOriginalMessage(), e);
      }
    }

    @Override
    public String toString() {
      return section;
    }
  }

  private OfficialExamples() {}

  static List<Example> all() {
    List<Example> examples = new ArrayList<>();
    String[] lines = DocumentationTables.read(DocumentationTables.API_DOCS).split("\n", -1);
    String section = null;
    StringBuilder block = null;
    int firstLine = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (block == null && line.startsWith("### ")) {
        section = line.substring(4).trim();
      } else if (block == null && line.trim().equals("```json")) {
        block = new StringBuilder();
        firstLine = i + 2;
      } else if (block != null && line.trim().equals("```")) {
        examples.add(new Example(section, firstLine, block.toString()));
        block = null;
      } else if (block != null) {
        block.append(line).append('\n');
      }
    }
    return examples;
  }

  static Example section(String section) {
    return all().stream()
        .filter(e -> e.section().equals(section))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no example in section " + section));
  }

  /**
   * Removes the trailing comma after {@code "status": "active"} and nothing else. Fails when the
   * text has no such comma, or more than one, so that a corrected documentation text shows up as
   * an obsolete decision rather than passing unnoticed.
   */
  static String repairSubscriptionComma(String text) {
    Matcher matcher = SUBSCRIPTION_TRAILING_COMMA.matcher(text);
    if (!matcher.find()) {
      throw new IllegalStateException("D-SUBSCRIPTION-COMMA: no trailing comma after \"status\": \"active\"");
    }
    int comma = matcher.end(1);
    if (matcher.find()) {
      throw new IllegalStateException("D-SUBSCRIPTION-COMMA: more than one trailing comma after \"status\"");
    }
    return text.substring(0, comma) + text.substring(comma + 1);
  }
}
