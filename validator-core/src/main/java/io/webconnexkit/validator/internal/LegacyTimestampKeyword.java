package io.webconnexkit.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.keyword.BaseKeywordValidator;
import com.networknt.schema.keyword.Keyword;
import com.networknt.schema.keyword.KeywordValidator;
import com.networknt.schema.path.NodePath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * {@code "webconnexLegacyTimestamp": true}: the lenient profile accepts the timestamp form of an
 * early registration ({@code 2015-12-02 16:26:58 +0000}); this keyword reports it, and the
 * validator turns its reports into warnings. Not API.
 */
public final class LegacyTimestampKeyword implements Keyword {

  public static final String NAME = "webconnexLegacyTimestamp";

  private static final Pattern LEGACY = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} [+-]\\d{4}");
  private static final DateTimeFormatter LEGACY_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx");

  @Override
  public String getValue() {
    return NAME;
  }

  @Override
  public KeywordValidator newValidator(SchemaLocation location, JsonNode schemaNode, Schema parent, SchemaContext context) {
    return new Validator(this, schemaNode, location, parent, context);
  }

  /** The RFC 3339 UTC form of a legacy timestamp, or null when it is not one. */
  static String rfc3339(String legacy) {
    if (!LEGACY.matcher(legacy).matches()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(legacy, LEGACY_FORMAT).withOffsetSameInstant(ZoneOffset.UTC)
          .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).replace("+00:00", "Z");
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static final class Validator extends BaseKeywordValidator {
    Validator(Keyword keyword, JsonNode schemaNode, SchemaLocation location, Schema parent, SchemaContext context) {
      super(keyword, schemaNode, location, parent, context);
    }

    @Override
    public void validate(ExecutionContext context, JsonNode node, JsonNode root, NodePath instanceLocation) {
      if (!node.isTextual() || !schemaNode.asBoolean(false)) {
        return;
      }
      String rfc3339 = rfc3339(node.textValue());
      if (rfc3339 != null) {
        context.addError(error()
            .message("{0}")
            .arguments(rfc3339)
            .instanceLocation(instanceLocation)
            .instanceNode(node)
            .evaluationPath(context.getEvaluationPath())
            .build());
      }
    }
  }
}
