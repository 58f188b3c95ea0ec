package io.webconnexkit.junit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.webconnexkit.validator.DeliveryVerifier;
import io.webconnexkit.validator.ProblemLevels;
import io.webconnexkit.validator.Profile;
import io.webconnexkit.validator.RecordedDelivery;
import io.webconnexkit.validator.RecordedDeliveryReader;
import io.webconnexkit.validator.ReportLine;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.validator.ValidationReport;
import io.webconnexkit.validator.WebconnexDelivery;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.AnnotationConsumer;
import org.junit.jupiter.params.support.ParameterDeclaration;
import org.junit.jupiter.params.support.ParameterDeclarations;
import org.opentest4j.AssertionFailedError;

/** Supplies one argument per recorded delivery or payload of the fixture files for {@link WebconnexFixtures}. */
final class WebconnexFixturesProvider implements ArgumentsProvider, AnnotationConsumer<WebconnexFixtures> {

  private static final RecordedDeliveryReader READER = RecordedDeliveryReader.standard();

  private WebconnexFixtures fixtures;

  @Override
  public void accept(WebconnexFixtures annotation) {
    this.fixtures = annotation;
  }

  @Override
  public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
    if (!(parameters.getSourceElement() instanceof Method)) {
      throw new ExtensionConfigurationException("@WebconnexFixtures supplies @ParameterizedTest methods, not "
          + parameters.getSourceElementDescription());
    }
    ParameterDeclaration first = parameters.getFirst().orElseThrow(() -> new ExtensionConfigurationException(
        "@WebconnexFixtures needs a first parameter to receive each fixture, such as String or WebconnexDelivery"));
    Type type = first.getAnnotatedElement() instanceof Parameter p ? p.getParameterizedType() : first.getParameterType();
    Conversions.requireSupported(type, "@WebconnexFixtures " + parameters.getSourceElementDescription());

    Defaults defaults = Defaults.of(context);
    Profile profile = defaults.profile(fixtures.profile(), "@WebconnexFixtures(profile)");
    ProblemLevels levels = defaults.levels(fixtures.levels(), "@WebconnexFixtures(levels)");
    String folder = defaults.resolve(fixtures.value());
    if (folder.isEmpty() || folder.equals("/")) {
      throw new ExtensionConfigurationException("@WebconnexFixtures needs a folder, such as @WebconnexFixtures(\"webconnex/\"),"
          + " or the configuration parameter " + Defaults.FIXTURE_ROOT);
    }
    List<FixtureScanner.Fixture> files = FixtureScanner.scan(WebconnexPayloadExtension.classLoader(context), folder);
    if (files.isEmpty()) {
      throw new AssertionFailedError("no *.json, *.jsonl or *.ndjson fixtures found under the classpath folder "
          + ReportLine.escape(folder) + defaults.describeRoot(fixtures.value()));
    }

    // Read once, up front: a named secret that is not there fails the test as a whole, not record by record.
    Secrets named = Secrets.named(fixtures.secretProperty(), fixtures.secretEnv(), fixtures.secretFile(), defaults,
        "@WebconnexFixtures");
    List<SigningSecret> secrets = named.isEmpty() ? List.of() : named.resolve("the fixtures");
    SigningSecret signer = secrets.isEmpty() ? SigningSecret.of(WebconnexPayload.TEST_SECRET) : secrets.get(0);
    // The verifier the CLI and the Maven plugin use, so each record gets the verdict and positions they give.
    DeliveryVerifier verifier = DeliveryVerifier.builder()
        .validator(RunState.validator(context, profile, levels))
        .signingSecrets(secrets)
        .build();
    Run run = new Run(verifier, type, RunState.mapper(context), RunState.fixtureFailures(context), fixtures.invalid(),
        antPatterns(fixtures.expectInvalid()), signer);

    // Records are pulled as JUnit asks for invocations: a JSON Lines archive is read a line at a time,
    // and each file is closed once its records are used (flatMap closes the inner stream).
    return files.stream().flatMap(file -> records(file).map(record -> run.arguments(file, record)));
  }

  /** What one parameterized test's records are judged and converted with. */
  private record Run(DeliveryVerifier verifier, Type type, ObjectMapper mapper, FixtureFailures failures,
      boolean allInvalid, List<Pattern> expectInvalid, SigningSecret signer) {

    /**
     * The arguments of one record's invocation, named by the file and the record's place in it;
     * when the record must not reach the test body, why is recorded against the argument.
     */
    Arguments arguments(FixtureScanner.Fixture file, RecordedDelivery record) {
      ValidationReport report = verifier.verify(record);
      boolean invalid = allInvalid || expectInvalid.stream().anyMatch(p -> p.matcher(file.name()).matches());
      String name = ReportLine.escape(file.name() + record.label().map(label -> " [" + label + "]").orElse(""));
      Throwable failure = null;
      Object argument;
      if (!record.hasBody()) {
        failure = Payloads.withoutPayload(record, report, invalid);
        argument = Conversions.placeholder(type, mapper);
      } else {
        Payload payload = Payloads.record(record, report);
        try {
          Payloads.check(payload, invalid);
        } catch (AssertionFailedError e) {
          failure = e;
        }
        try {
          // A record with headers is handed over as recorded; a bare payload is signed as @WebconnexPayload signs.
          argument = Conversions.convert(payload, type, mapper, () -> record.delivery()
              .orElseGet(() -> WebconnexDelivery.signed(payload.eventTypeName(), payload.body(), signer)));
        } catch (ParameterResolutionException e) {
          argument = Conversions.placeholder(type, mapper);
          failure = failure != null ? failure : e;
        }
      }
      if (failure != null) {
        failures.record(argument, failure);
      }
      return Arguments.of(Named.of(name, argument));
    }
  }

  /**
   * Ant-style patterns as the Maven plugin reads its includes and {@code expectInvalid}: {@code **}
   * spans folders ({@code **}{@code /} also none), {@code *} and {@code ?} stay within a name, a
   * trailing {@code /} means everything under the folder.
   */
  static List<Pattern> antPatterns(String[] patterns) {
    List<Pattern> compiled = new ArrayList<>();
    for (String entry : patterns) {
      for (String raw : entry.split(",")) {
        String p = raw.trim().replace('\\', '/');
        if (p.isEmpty()) {
          continue;
        }
        if (p.endsWith("/")) {
          p = p + "**";
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
          char c = p.charAt(i);
          if (p.startsWith("**/", i)) {
            regex.append("(?:.*/)?");
            i += 2;
          } else if (p.startsWith("**", i)) {
            regex.append(".*");
            i += 1;
          } else if (c == '*') {
            regex.append("[^/]*");
          } else if (c == '?') {
            regex.append("[^/]");
          } else {
            regex.append(Pattern.quote(String.valueOf(c)));
          }
        }
        compiled.add(Pattern.compile(regex.toString()));
      }
    }
    return compiled;
  }

  /** Every record of one file, read by the kit's one reader; a file that cannot be read is one record saying so. */
  private static Stream<RecordedDelivery> records(FixtureScanner.Fixture file) {
    InputStream in;
    try {
      in = file.open();
    } catch (IOException e) {
      return Stream.of(RecordedDeliveryReader.unreadable(file.resourcePath(), RecordedDeliveryReader.describe(e)));
    }
    return READER.stream(in, file.resourcePath(), RecordedDeliveryReader.isJsonLines(file.name())).onClose(() -> {
      try {
        in.close();
      } catch (IOException ignored) {
        // Only read from: nothing was lost.
      }
    });
  }
}
