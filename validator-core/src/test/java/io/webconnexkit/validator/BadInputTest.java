package io.webconnexkit.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Bad input is a problem in the report, never an exception out of the API. The bodies themselves,
 * with their keys, messages and places, are in the catalogue (bad-input/catalogue.json, run by
 * {@link BadInputCatalogueTest}); these are the cases a catalogue entry cannot express.
 */
class BadInputTest {

  private final WebconnexValidator validator = WebconnexValidator.lenient();

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
