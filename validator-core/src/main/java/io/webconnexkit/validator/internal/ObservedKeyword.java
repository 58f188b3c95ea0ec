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

/**
 * {@code "webconnexObserved": "evidence"}: the strict schemas carry it on a field that no table
 * lists but real traffic is known to carry (an observed field of the contract). The field is
 * accepted; this keyword reports its presence with the evidence, and the validator turns the
 * report into a warning ({@code schema.observed}). Not API.
 */
public final class ObservedKeyword implements Keyword {

  public static final String NAME = "webconnexObserved";

  @Override
  public String getValue() {
    return NAME;
  }

  @Override
  public KeywordValidator newValidator(SchemaLocation location, JsonNode schemaNode, Schema parent, SchemaContext context) {
    return new Validator(this, schemaNode, location, parent, context);
  }

  private static final class Validator extends BaseKeywordValidator {
    Validator(Keyword keyword, JsonNode schemaNode, SchemaLocation location, Schema parent, SchemaContext context) {
      super(keyword, schemaNode, location, parent, context);
    }

    @Override
    public void validate(ExecutionContext context, JsonNode node, JsonNode root, NodePath instanceLocation) {
      if (!schemaNode.isTextual()) {
        return;
      }
      context.addError(error()
          .message("{0}")
          .arguments(schemaNode.textValue())
          .instanceLocation(instanceLocation)
          .instanceNode(node)
          .evaluationPath(context.getEvaluationPath())
          .build());
    }
  }
}
