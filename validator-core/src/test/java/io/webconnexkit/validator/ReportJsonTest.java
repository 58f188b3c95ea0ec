package io.webconnexkit.validator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

  @Test
  void writesEveryProblemWithItsStableFields() {
    ValidationReport report = WebconnexValidator.lenient().validate(Resources.bytes("payloads/registration-total-as-string.json"));

    ArrayNode problems = ReportJson.problems(report, new ObjectMapper().createArrayNode());

    assertThat(problems).hasSize(1);
    JsonNode problem = problems.get(0);
    assertThat(problem.fieldNames()).toIterable()
        .containsExactly("severity", "pointer", "line", "column", "message", "keyword", "key");
    assertThat(problem.get("severity").asText()).isEqualTo("error");
    assertThat(problem.get("pointer").asText()).isEqualTo("/data/total");
    assertThat(problem.get("line").intValue()).isEqualTo(12);
    assertThat(problem.get("column").intValue()).isEqualTo(14);
    assertThat(problem.get("message").asText()).isEqualTo("expected number but found string \"100\"");
    assertThat(problem.get("keyword").asText()).isEqualTo("type");
    assertThat(problem.get("key").asText()).isEqualTo("schema.type");
  }

  @Test
  void headerProblemsNameTheHeaderAndHaveNoKeyword() {
    WebconnexDelivery unsigned = WebconnexDelivery.of(java.util.Map.of("Content-Type", java.util.List.of("text/plain")),
        Resources.sample("coupon"));
    ValidationReport report = DeliveryVerifier.builder().build().verify(unsigned);

    ArrayNode problems = ReportJson.problems(report, new ObjectMapper().createArrayNode());

    assertThat(problems).anySatisfy(p -> {
      assertThat(p.get("pointer").asText()).isEqualTo("Content-Type");
      assertThat(p.get("keyword").isNull()).isTrue();
      assertThat(p.get("line").intValue()).isZero();
    });
  }
}
