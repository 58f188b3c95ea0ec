package io.webconnexkit.junit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.webconnexkit.validator.EventType;
import io.webconnexkit.validator.RecordedDelivery;
import io.webconnexkit.validator.ReportLine;
import io.webconnexkit.validator.ValidationReport;
import io.webconnexkit.validator.WebconnexSample;
import io.webconnexkit.validator.WebconnexValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Loads, generates and checks payloads; the one place that turns reports into test failures. */
final class Payloads {

  // Reads the value side of a set = "/pointer=value" override; the whole text must be one JSON value.
  // Decimals stay as written ("250.10" is not rounded through a double, nor stripped to "250.1").
  private static final ObjectMapper OVERRIDE_VALUES = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  private Payloads() {}

  /** The documented event type with this wire name; null for an empty attribute. */
  static EventType eventType(String name, String where) {
    if (name.isBlank()) {
      return null;
    }
    return EventType.fromWireName(name.trim()).orElseThrow(() -> new ExtensionConfigurationException(
        where + " is \"" + name + "\", which is not a documented Webconnex event type"
            + EventType.resembling(name.trim()).map(type -> " (did you mean \"" + type.wireName() + "\"?)").orElse("")
            + "; expected one of "
            + Arrays.stream(EventType.values()).map(EventType::wireName).collect(Collectors.joining(", "))));
  }

  /**
   * The bytes of a classpath resource.
   *
   * @throws AssertionFailedError naming the path searched when there is no such resource
   */
  static byte[] readFixture(ClassLoader loader, String resourcePath, String howResolved) {
    try (InputStream in = loader.getResourceAsStream(resourcePath)) {
      if (in == null) {
        throw new AssertionFailedError("fixture not found on the classpath: " + ReportLine.escape(resourcePath + howResolved));
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read fixture " + resourcePath, e);
    }
  }

  /** A fixture, validated as {@code forced} when given, else as the type its own eventType names. */
  static Payload fixture(String resourcePath, byte[] body, EventType forced, WebconnexValidator validator) {
    ValidationReport report = forced == null ? validator.validate(body) : validator.validate(body, forced);
    return new Payload(body, "fixture " + ReportLine.escape(resourcePath), resourcePath,
        forced == null ? null : forced.wireName(), report);
  }

  /**
   * One record of a fixture file, as {@code DeliveryVerifier.verify(RecordedDelivery)} judged it.
   * Messages name it by its classpath path and its place in the file ({@code [line 3]}).
   */
  static Payload record(RecordedDelivery record, ValidationReport report) {
    return new Payload(record.body(), "fixture " + ReportLine.escape(record.name()), record.path(), null, report);
  }

  /** A fresh sample of {@code type}, shaped by overrides, validated as that type. */
  static Payload generated(EventType type, String[] set, String[] remove, boolean documentedOnly,
      WebconnexValidator validator) {
    WebconnexSample sample = WebconnexSample.of(type);
    if (documentedOnly) {
      sample.documentedOnly();
    }
    byte[] body;
    try {
      for (String entry : set) {
        int eq = entry.indexOf('=');
        String pointer = eq < 0 ? "" : entry.substring(0, eq).trim();
        if (!pointer.startsWith("/")) {
          throw new ExtensionConfigurationException("set entry \"" + entry
              + "\" is not \"/json/pointer=value\" (for example \"/data/total=250\")");
        }
        sample.with(pointer, overrideValue(entry.substring(eq + 1)));
      }
      for (String pointer : remove) {
        sample.without(pointer.trim());
      }
      body = sample.toBytes();
    } catch (IllegalArgumentException e) {
      // WebconnexSample names the pointer and what is wrong with it.
      throw new ExtensionConfigurationException("cannot shape the generated " + type + " sample: " + e.getMessage(), e);
    }
    String origin = "the generated " + type + " sample" + describeOverrides(set, remove);
    return new Payload(body, origin, null, type.wireName(), validator.validate(body, type));
  }

  /**
   * Fails unless the payload conforms, or, when {@code invalid} asks for a broken payload, unless it
   * does not. Warnings and notes never fail it; problems whose level is ignore are not in the report.
   */
  static void check(Payload payload, boolean invalid) {
    ValidationReport report = payload.report();
    String nl = System.lineSeparator();
    if (!invalid && !report.isValid()) {
      String hint = payload.fromFixture()
          ? "" : nl + "(add invalid = true if the test wants a payload that does not conform)";
      String described = describe(payload);
      throw new AssertionFailedError(payload.origin() + " does not conform to the Webconnex contract" + hint + nl
          + described, summary("valid", payload.eventTypeName(), report), described);
    }
    if (invalid && report.isValid()) {
      String hint = payload.fromFixture()
          ? "" : nl + "(break it with set or remove, or use a fixture that does not conform)";
      String described = describe(payload);
      throw new AssertionFailedError("invalid = true asks for a payload that does not conform, but " + payload.origin()
          + " conforms" + hint + nl + described, summary("invalid", payload.eventTypeName(), report), described);
    }
  }

  /**
   * What a record that holds no payload (a file the kit cannot read or recognise, an empty
   * archive or journal) does to its invocation: a failure when its report has an error, even when
   * {@code invalid} asks for payloads that do not conform (there is no payload to hand over);
   * otherwise, when nothing is wrong or the levels ignore what is, the invocation is skipped,
   * saying why.
   */
  static Throwable withoutPayload(RecordedDelivery record, ValidationReport report, boolean invalid) {
    String nl = System.lineSeparator();
    String origin = "fixture " + ReportLine.escape(record.name());
    String lines = lines(record.path(), report);
    if (!report.isValid()) {
      return new AssertionFailedError(origin + " holds no Webconnex payload" + nl + lines,
          invalid ? "a payload that does not conform" : "valid payload (" + report.profile().folder() + " profile)",
          lines);
    }
    return new TestAbortedException(origin + " holds no payload to pass to the test" + (lines.isEmpty() ? "" : nl + lines));
  }

  /**
   * The report's summary line, then one line per problem: for a fixture, as compilers write them
   * ({@code path:line:column: severity: pointer: message}, by {@link ReportLine}); for a generated
   * sample, which has no file, as the report itself writes them.
   */
  private static String describe(Payload payload) {
    ValidationReport report = payload.report();
    if (!payload.fromFixture()) {
      return report.toString();
    }
    String lines = lines(payload.reportPath(), report);
    return summaryLine(report) + (lines.isEmpty() ? "" : System.lineSeparator() + lines);
  }

  private static String lines(String path, ValidationReport report) {
    String shown = sourcePath(path);
    return report.problems().stream().map(p -> ReportLine.of(shown, p)).collect(Collectors.joining(System.lineSeparator()));
  }

  /**
   * The fixture as a path an IDE console links to: {@code src/test/resources/PATH} when that file
   * exists under the working directory (Maven and Gradle run tests in the module's folder), else the
   * classpath path, which is all there is for a fixture in a jar.
   */
  static String sourcePath(String resourcePath) {
    if (resourcePath == null || resourcePath.isEmpty()) {
      return resourcePath;
    }
    try {
      String relative = resourcePath.startsWith("/") ? resourcePath.substring(1) : resourcePath;
      Path file = Path.of(TEST_RESOURCES).resolve(relative).normalize();
      if (file.startsWith(TEST_RESOURCES) && Files.isRegularFile(file)) {
        return TEST_RESOURCES + "/" + relative;
      }
    } catch (InvalidPathException e) {
      // not a file name on this system: the classpath path is all there is
    }
    return resourcePath;
  }

  private static final String TEST_RESOURCES = "src/test/resources";

  /** The first line of the report's own text: {@code invalid registration payload (lenient profile): 1 error, 0 warnings}. */
  private static String summaryLine(ValidationReport report) {
    String text = report.toString();
    int nl = text.indexOf(System.lineSeparator());
    return nl < 0 ? text : text.substring(0, nl);
  }

  /** A report's first line as it would read for the expected outcome: diffs well against the actual report. */
  private static String summary(String validity, String type, ValidationReport report) {
    return validity + " " + (type.isEmpty() ? "payload" : ReportLine.escape(type) + " payload")
        + " (" + report.profile().folder() + " profile)";
  }

  private static JsonNode overrideValue(String text) {
    try {
      JsonNode value = OVERRIDE_VALUES.readTree(text);
      if (value != null && !value.isMissingNode()) {
        return value;
      }
    } catch (JsonProcessingException notJson) {
      // Not JSON: the text itself is the value, so "/meta/name=Orders" needs no quotes.
    }
    return TextNode.valueOf(text);
  }

  private static String describeOverrides(String[] set, String[] remove) {
    StringBuilder s = new StringBuilder();
    if (set.length > 0) {
      s.append(" with set = ").append(quoted(set));
    }
    if (remove.length > 0) {
      s.append(set.length > 0 ? " and" : " with").append(" remove = ").append(quoted(remove));
    }
    return s.toString();
  }

  private static String quoted(String[] values) {
    String joined = Arrays.stream(values)
        .map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
        .collect(Collectors.joining(", "));
    return values.length == 1 ? joined : "{" + joined + "}";
  }
}
