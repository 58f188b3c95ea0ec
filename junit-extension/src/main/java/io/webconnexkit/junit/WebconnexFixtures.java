package io.webconnexkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Runs a {@code @ParameterizedTest} once per {@code *.json} file under a classpath folder
 * (recursively, from directories and from jars), each invocation named by the file's path under
 * that folder and given the file as its first parameter, checked first.
 *
 * <pre>{@code
 * @ParameterizedTest
 * @WebconnexFixtures("webconnex/recorded/")
 * void handlesEveryRecordedDelivery(WebconnexDelivery delivery) { ... }
 * }</pre>
 *
 * <p>The first parameter may be of any type {@link WebconnexPayload} supports: {@code String},
 * {@code byte[]}, {@code JsonNode}, {@code WebconnexDelivery} (signed as {@link WebconnexPayload}
 * signs, by default with {@link WebconnexPayload#TEST_SECRET}), {@code ValidationReport} or a class
 * Jackson can bind. A file that does not conform fails its own invocation, with the validator's
 * report, before the test body runs; the other files still run.
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
   */
  String value() default "";

  /** {@code "lenient"} or {@code "strict"}; by default {@code webconnex.profile}, else lenient. */
  String profile() default "";

  /**
   * {@code true} when every file is expected not to conform (a folder of known-bad payloads); an
   * invocation then fails if its file conforms.
   */
  boolean invalid() default false;
}
