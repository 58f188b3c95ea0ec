package io.webconnexkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Runs a {@code @ParameterizedTest} once per recorded delivery or payload under a classpath folder
 * (recursively, from directories and from jars), each invocation given the record as its first
 * parameter, checked first. The folder's {@code *.json}, {@code *.jsonl} and {@code *.ndjson} files
 * are read as {@code webconnex validate} and {@code mvn webconnex:validate} read them
 * ({@code RecordedDeliveryReader}): a bare payload; a record from Webconnex's webhook logs API, a
 * page of them or a resend response; a WireMock request journal or one recorded request; JSON
 * Lines whose lines are any of these. Each record is one invocation, named by the file's path under
 * the folder and the record's place in it ({@code archive.jsonl [line 3]},
 * {@code journal.json [requests[1]]}), and judged by {@code DeliveryVerifier.verify(RecordedDelivery)},
 * so a problem is reported with the same verdict and the same {@code file:line:column} as the CLI
 * and the Maven plugin give.
 *
 * <pre>{@code
 * @ParameterizedTest
 * @WebconnexFixtures("webconnex/recorded/")
 * void handlesEveryRecordedDelivery(WebconnexDelivery delivery) { ... }
 * }</pre>
 *
 * <p>The first parameter may be of any type {@link WebconnexPayload} supports: {@code String},
 * {@code byte[]}, {@code JsonNode} or a class Jackson can bind receive the record's body;
 * {@code ValidationReport} what the verifier said; {@code WebconnexDelivery} the recorded headers
 * and body when the record has headers (a WireMock request, a logs API record), otherwise the body
 * signed as {@link WebconnexPayload} signs it. A record that does not conform fails its own
 * invocation, with the report, before the test body runs; the other records still run. A record
 * that holds no payload (an empty archive or journal, or a file set to be ignored) is skipped.
 *
 * <p>When secrets are named ({@link #secretProperty()}, {@link #secretEnv()}, {@link #secretFile()}
 * or the configuration parameters), the signature of every record that carries its raw body and
 * headers is checked against them (any of them may match, for a rotation), and the first one signs
 * deliveries made for bare payloads. Without a named secret recorded signatures are not checked, as
 * in the CLI without {@code --secret-env}, and deliveries are signed with
 * {@link WebconnexPayload#TEST_SECRET}.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ArgumentsSource(WebconnexFixturesProvider.class)
@ExtendWith(FixtureInvocationCheck.class)
public @interface WebconnexFixtures {

  /**
   * The classpath folder, relative to {@code webconnex.fixtureRoot} (the classpath root when that is
   * not set); a leading {@code /} always means the classpath root. Empty means the fixture root
   * itself, which must then be configured.
   *
   * @return the folder; empty (the default) for the fixture root itself
   */
  String value() default "";

  /** {@return {@code "lenient"} or {@code "strict"}; by default {@code webconnex.profile}, else lenient} */
  String profile() default "";

  /**
   * {@code true} when every record is expected not to conform (a folder of known-bad payloads); an
   * invocation then fails if its record conforms, or holds no payload at all.
   *
   * @return {@code true} when every record must not conform; {@code false} by default
   */
  boolean invalid() default false;

  /**
   * Files expected not to conform, as Ant-style patterns relative to the folder
   * ({@code "known-bad/**"}): each record of a matching file is treated as with {@code invalid =
   * true}, the others as usual. These are the patterns of the Maven plugin's
   * {@code webconnex.expectInvalid}, so known-bad payloads can live beside good ones and both agree
   * on them.
   *
   * @return the patterns; empty (the default) when no file is singled out
   */
  String[] expectInvalid() default {};

  /**
   * Levels for problem keys, as {@link WebconnexPayload#levels()}: added to the configuration
   * parameter {@code webconnex.levels}, winning over it for the same key.
   *
   * @return the entries, added to {@code webconnex.levels}; empty by default
   */
  String[] levels() default {};

  /**
   * System properties holding the signing secrets recorded signatures are checked against, as
   * {@link WebconnexPayload#secretProperty()}; the three secret attributes replace the
   * configuration parameters as a whole. Every secret named must be set, and is read before the
   * first invocation.
   *
   * @return the property names; empty by default
   */
  String[] secretProperty() default {};

  /** {@return environment variables holding signing secrets, as {@link WebconnexPayload#secretEnv()}} */
  String[] secretEnv() default {};

  /** {@return files holding signing secrets, as {@link WebconnexPayload#secretFile()}} */
  String[] secretFile() default {};
}
