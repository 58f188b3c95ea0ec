package io.webconnexkit.wiremock.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the mock quotes user data in its messages, and how strictly it reads a query string. */
class TextAndQueryStringTest {

  @Test
  void quotingEscapesEveryCharacterThatCouldForgeALineOrDriveATerminal() {
    assertThat(Text.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    assertThat(Text.quote("x\ny\rz\t")).isEqualTo("\"x\\ny\\rz\\t\"");
    assertThat(Text.quote("\u001b[31m\u0007\u007f\u0085")).isEqualTo("\"\\u001b[31m\\u0007\\u007f\\u0085\"");
    assertThat(Text.quote("\u2028\u2029\u202e\u2066")).isEqualTo("\"\\u2028\\u2029\\u202e\\u2066\"");
    assertThat(Text.quote("４３２ é")).isEqualTo("\"４３２ é\"");
    assertThat(Text.quote(null)).isEqualTo("null");
  }

  @Test
  void aVeryLongValueIsCutSayingHowMuchIsLeft() {
    String quoted = Text.quote("9".repeat(Text.MAX_QUOTED + 50));

    assertThat(quoted).isEqualTo("\"" + "9".repeat(Text.MAX_QUOTED) + "\"... (50 more characters)");
  }

  @Test
  void aQueryStringIsReadIntoEveryValueOfEveryParameter() {
    QueryString query = QueryString.parse("formId=432&note=100%25+sure&note=%E2%9C%93&flag&=empty");

    assertThat(query.parameters()).containsOnlyKeys("formId", "note", "flag", "");
    assertThat(query.parameters().get("note")).isEqualTo(List.of("100% sure", "✓"));
    assertThat(query.single("flag")).contains("");
    assertThat(query.single("absent")).isEmpty();
    assertThat(QueryString.parse(null).parameters()).isEmpty();
  }

  @Test
  void aMalformedQueryStringNamesTheFaultAndWhereItIs() {
    assertThat(QueryString.fault("a=1&b=%zz")).contains(
        "query string: \"%zz\" at character 7 is not a percent-escape: \"%\" must be followed by two hex digits"
            + " (write %25 for \"%\" itself)");
    assertThat(QueryString.fault("a=%4")).hasValueSatisfying(m -> assertThat(m).contains("\"%4\" at character 3"));
    assertThat(QueryString.fault("a=%٣٣")).as("only ASCII hex digits").isPresent();
    assertThat(QueryString.fault("a=%C3%28")).hasValueSatisfying(m -> assertThat(m).contains("does not decode as UTF-8"));
    assertThat(QueryString.fault("a=%C3%A9")).isEmpty();
    assertThatThrownBy(() -> QueryString.parse("%")).isInstanceOf(QueryString.Malformed.class);
  }
}
