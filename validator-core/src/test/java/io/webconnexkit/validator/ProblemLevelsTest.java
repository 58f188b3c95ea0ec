package io.webconnexkit.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Levels users set for problem keys: parsing, the most specific key winning, and reports that follow them. */
class ProblemLevelsTest {

  private static final WebconnexDelivery FROM_A_PROXY = WebconnexDelivery.of(Map.of(
      "Content-Type", List.of("application/json"), "User-Agent", List.of("corporate-proxy/2.1"),
      "X-Webconnex-Delivery", List.of("b473fe314def43ccacc10ec75aae1451"), "X-Webconnex-Event", List.of("publish")),
      Resources.sample("publish"));

  @Test
  void readsTheTextFormEveryFaceUses() {
    ProblemLevels levels = ProblemLevels.parse(" delivery.userAgent=ignore , event.unknown=WARN,,schema=info");

    assertThat(levels.entries()).containsExactly(Map.entry("delivery.userAgent", Severity.IGNORE),
        Map.entry("event.unknown", Severity.WARNING), Map.entry("schema", Severity.INFO));
    assertThat(levels).hasToString("delivery.userAgent=ignore,event.unknown=warning,schema=info");
    assertThat(ProblemLevels.parse("")).isEqualTo(ProblemLevels.none());
  }

  @Test
  void theMostSpecificKeyWins() {
    ProblemLevels levels = ProblemLevels.parse("delivery=warning,delivery.signature=info,delivery.signature.mismatch=error");

    assertThat(levels.levelOf("delivery.signature.mismatch")).contains(Severity.ERROR);
    assertThat(levels.levelOf("delivery.signature.missing")).contains(Severity.INFO);
    assertThat(levels.levelOf("delivery.userAgent")).contains(Severity.WARNING);
    assertThat(levels.levelOf("schema.type")).isEmpty();
  }

  @Test
  void refusesWhatItCannotReadSayingWhy() {
    assertThatThrownBy(() -> ProblemLevels.parse("delivery.useragent=ignore"))
        .hasMessage("unknown problem key \"delivery.useragent\" (did you mean \"delivery.userAgent\"?)");
    assertThatThrownBy(() -> ProblemLevels.parse("delivery.userAgnet=ignore"))
        .hasMessage("unknown problem key \"delivery.userAgnet\" (did you mean \"delivery.userAgent\"?)");
    assertThatThrownBy(() -> ProblemLevels.parse("delivery.userAgent=quiet"))
        .hasMessage("level \"quiet\" for \"delivery.userAgent\" is not one of error, warning, info, ignore");
    assertThatThrownBy(() -> ProblemLevels.parse("delivery.userAgent"))
        .hasMessageStartingWith("level \"delivery.userAgent\" is not KEY=LEVEL");
    assertThatThrownBy(() -> ProblemLevels.parse("nothing\nlike.it=error"))
        .hasMessageContaining("\"nothing\\nlike.it\"").hasMessageNotContaining("\n");
  }

  @Test
  void acceptsAnyKeywordOfAUsersOwnSchema() {
    assertThat(ProblemLevels.parse("schema.maximum=warning").levelOf("schema.maximum")).contains(Severity.WARNING);
  }

  @Test
  void aProxysUserAgentCanBeAccepted() {
    DeliveryVerifier strict = DeliveryVerifier.builder().profile(Profile.STRICT).build();
    DeliveryVerifier tuned = DeliveryVerifier.builder().validator(WebconnexValidator.builder().profile(Profile.STRICT)
        .level("delivery.userAgent", Severity.IGNORE).build()).build();

    assertThat(strict.verify(FROM_A_PROXY).errors()).extracting(Problem::key).containsExactly("delivery.userAgent");
    ValidationReport report = tuned.verify(FROM_A_PROXY);
    assertThat(report.isValid()).isTrue();
    assertThat(report.problems()).isEmpty();
  }

  @Test
  void anUndocumentedEventCanBeMadeAWarningUnderStrictOrAnErrorUnderLenient() {
    byte[] ping = "{\"eventType\":\"ping\",\"accountId\":1,\"formId\":2,\"data\":{}}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    ValidationReport strict = WebconnexValidator.builder().profile(Profile.STRICT).level("event.unknown", Severity.WARNING)
        .build().validate(ping);
    ValidationReport lenient = WebconnexValidator.builder().level("event", Severity.ERROR).build().validate(ping);

    assertThat(strict.warnings()).extracting(Problem::key).contains("event.unknown");
    assertThat(strict.errors()).extracting(Problem::key).doesNotContain("event.unknown");
    assertThat(lenient.isValid()).isFalse();
    assertThat(lenient.errors()).extracting(Problem::key).containsExactly("event.unknown");
  }

  @Test
  void loweringAnErrorMakesTheReportValidAndKeepsEverythingElse() {
    byte[] body = Resources.bytes("payloads/registration-total-as-string.json");

    ValidationReport report = WebconnexValidator.builder().level("schema.type", Severity.WARNING).build().validate(body);

    assertThat(report.isValid()).isTrue();
    assertThat(report.warnings()).singleElement().satisfies(p -> {
      assertThat(p.key()).isEqualTo("schema.type");
      assertThat(p.pointer()).isEqualTo("/data/total");
      assertThat(p.line()).isPositive();
    });
  }

  @Test
  void ignoreIsALevelNotASeverity() {
    assertThatThrownBy(() -> Problem.builder(Severity.IGNORE, "schema.type").message("x").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Severity.fromLabel("Ignore")).contains(Severity.IGNORE);
    assertThat(Severity.fromLabel("loud")).isEmpty();
  }
}
