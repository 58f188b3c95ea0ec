package io.webconnexkit.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Bad input is a problem in the report, never an exception out of the API. */
class BadInputTest {

  private final WebconnexValidator validator = WebconnexValidator.lenient();

  static Stream<Arguments> badBodies() {
    return Stream.of(
        Arguments.of("empty", "payload.empty", "body is empty; expected a JSON object", 0, 0),
        Arguments.of("whitespace", "payload.empty", "body is empty; expected a JSON object", 0, 0),
        Arguments.of("trailing-comma", "payload.malformed",
            "malformed JSON: trailing comma before '}' (JSON allows no comma after the last member)", 5, 3),
        Arguments.of("top-level-array", "payload.notObject", "expected a JSON object at the top level but found array", 1, 1),
        Arguments.of("invalid-utf8", "payload.encoding", "body is not valid UTF-8: Invalid UTF-8 start byte 0xff", 3, 29),
        Arguments.of("duplicate-key", "payload.duplicateKey", "duplicate key \"total\"; a key may appear once per object", 3, 35),
        Arguments.of("too-deep", "payload.tooDeep", "document is nested deeper than the limit of 64 levels", 1, 0),
        Arguments.of("long-number", "payload.numberTooLarge", "number has 151 characters, over the limit of 100", 1, 0),
        Arguments.of("exponent-overflow", "payload.numberTooLarge", "number cannot be represented: its exponent is out of range", 3, 0),
        Arguments.of("nan", "payload.malformed", "malformed JSON: \"NaN\" is not a JSON value (JSON has no NaN or Infinity)", 3, 24),
        Arguments.of("trailing-garbage", "payload.malformed", "malformed JSON: Trailing token (of type START_OBJECT) found after value", 1, 0),
        Arguments.of("truncated", "payload.malformed", "malformed JSON: Unexpected end-of-input", 3, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBodies")
  void reportsBadBodyAsOneErrorWithAClearMessage(String file, String key, String message, int line, int column) {
    ValidationReport report = validator.validate(Resources.bytes("bad-input/" + file + ".json"));

    assertThat(report.isValid()).isFalse();
    assertThat(report.errors()).singleElement().satisfies(p -> {
      assertThat(p.key()).isEqualTo(key);
      assertThat(p.message()).startsWith(message);
      assertThat(p.message()).doesNotContain("Source:", "StreamReadConstraints", "\n");
      if (line > 0) {
        assertThat(p.line()).isEqualTo(line);
      }
      if (column > 0) {
        assertThat(p.column()).isEqualTo(column);
      }
    });
  }

  @Test
  void byteOrderMarkIsAnErrorButThePayloadIsStillChecked() {
    ValidationReport report = validator.validate(Resources.bytes("bad-input/byte-order-mark.json"));

    assertThat(report.eventType()).contains("test");
    assertThat(report.errors()).singleElement().satisfies(p -> {
      assertThat(p.key()).isEqualTo("payload.byteOrderMark");
      assertThat(p.toString()).isEqualTo(
          "body starts with a UTF-8 byte-order mark, which JSON sent over HTTP must not carry (line 1, column 1)");
    });
  }

  @Test
  void bodyOverTheSizeLimitIsReportedWithoutParsing() {
    WebconnexValidator small = WebconnexValidator.builder().maxBodyBytes(100).build();
    byte[] body = Resources.sample("registration");

    ValidationReport report = small.validate(body);

    assertThat(report.errors()).singleElement().satisfies(p -> {
      assertThat(p.key()).isEqualTo("payload.tooLarge");
      assertThat(p.message()).isEqualTo("body is " + body.length + " bytes, over the limit of 100 bytes");
    });
    assertThat(small.validate(new ByteArrayInputStream(body)).errors()).extracting(Problem::key).containsExactly("payload.tooLarge");
  }

  @Test
  void defaultLimitIsOneMebibyte() {
    assertThat(validator.maxBodyBytes()).isEqualTo(1024 * 1024);
    byte[] huge = ("{\"eventType\": \"test\", \"data\": {\"data\": \"" + "x".repeat(1024 * 1024) + "\"}}").getBytes(StandardCharsets.UTF_8);
    assertThat(validator.validate(huge).errors()).extracting(Problem::key).containsExactly("payload.tooLarge");
  }

  @Test
  void stringOverTheLengthLimitIsReported() {
    WebconnexValidator tight = WebconnexValidator.builder().maxStringLength(10).build();

    ValidationReport report = tight.validate("{\"eventType\": \"registration\", \"data\": {\"orderNumber\": \"0123456789ABCDEF\"}}");

    assertThat(report.errors()).singleElement().satisfies(p -> {
      assertThat(p.key()).isEqualTo("payload.stringTooLong");
      assertThat(p.message()).isEqualTo("string is longer than the limit of 10 characters");
    });
  }

  @Test
  void aStreamThatFailsIsAProblemNotAnException() {
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("connection reset");
      }
    };

    ValidationReport report = validator.validate(broken);

    assertThat(report.errors()).singleElement().satisfies(p -> {
      assertThat(p.key()).isEqualTo("payload.unreadable");
      assertThat(p.message()).isEqualTo("body cannot be read: connection reset");
    });
  }

  @Test
  void parsedNonObjectIsAProblem() throws IOException {
    ValidationReport report = validator.validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree("\"text\""));

    assertThat(report.errors()).extracting(Problem::message)
        .containsExactly("expected a JSON object at the top level but found string \"text\"");
  }

  @Test
  void nullArgumentsAreTheOnlyExceptions() {
    assertThatNullPointerException().isThrownBy(() -> validator.validate((byte[]) null));
    assertThatNullPointerException().isThrownBy(() -> validator.validate((String) null));
  }

  @Test
  void theCallersBytesAreNeverChanged() {
    byte[] body = Resources.bytes("payloads/registration-problems.json");
    byte[] copy = body.clone();

    validator.validate(body);

    assertThat(body).isEqualTo(copy);
  }
}
