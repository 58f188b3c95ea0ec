package io.webconnexkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Injects a Webconnex webhook payload, checked against the contract before the test runs, into a
 * parameter of a test method, lifecycle method or test class constructor. No {@code @ExtendWith}
 * is needed.
 *
 * <pre>{@code
 * @Test
 * void acceptsARegistration(@WebconnexPayload(eventType = "registration") WebconnexDelivery delivery) { ... }
 *
 * @Test
 * void readsTheTotal(@WebconnexPayload("webconnex/registration.json") JsonNode payload) { ... }
 *
 * @Test
 * void rejectsATotalSentAsText(
 *     @WebconnexPayload(eventType = "registration", set = "/data/total=\"250\"", invalid = true) String body) { ... }
 * }</pre>
 *
 * <p><b>Where the payload comes from.</b> With a fixture ({@link #value()} or {@link #fixture()}),
 * the classpath resource is used byte for byte. Without one, a sample of {@link #eventType()} is
 * generated ({@code WebconnexSample}): it conforms to both profiles and has fresh ids, and
 * {@link #set()} and {@link #remove()} shape it. Every annotated parameter gets its own payload,
 * even when two parameters carry the same annotation: two generated samples never share ids, and
 * two deliveries never share a delivery id.
 *
 * <p><b>Checked first.</b> The payload is validated under {@link #profile()}. A fixture that does
 * not conform, overrides that break a generated sample, or a missing fixture fail the test with an
 * {@code org.opentest4j.AssertionFailedError} carrying the validator's report (pointer, line,
 * column, message), before the test body runs. {@link #invalid()} turns the check around.
 *
 * <p><b>Parameter types.</b> {@code String} (the body as UTF-8 text), {@code byte[]} (the raw
 * body), Jackson {@code JsonNode}, {@code WebconnexDelivery} (the body with the headers Webconnex
 * sends, signed), {@code ValidationReport} (what the validator said), or any class Jackson can
 * bind the payload to (unknown properties are ignored; Jackson modules on the classpath, such as
 * {@code jackson-datatype-jsr310}, are registered).
 *
 * <p><b>Project defaults</b> come from JUnit configuration parameters, for example in
 * {@code src/test/resources/junit-platform.properties}: {@code webconnex.profile},
 * {@code webconnex.fixtureRoot}, {@code webconnex.levels}, {@code webconnex.secretProperty},
 * {@code webconnex.secretEnv} and {@code webconnex.secretFile}. An attribute on the annotation
 * wins over them.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(WebconnexPayloadExtension.class)
public @interface WebconnexPayload {

  /**
   * The signing secret deliveries are signed with unless a named secret is configured. It is a
   * fixed, public value, printed in the kit's documentation: configure the receiver under test
   * with it, and never use it for a real webhook.
   */
  String TEST_SECRET = "webconnex-kit-public-test-secret";

  /**
   * Classpath location of a fixture, relative to {@code webconnex.fixtureRoot} (the classpath root
   * when that is not set); a leading {@code /} always means the classpath root. Same as
   * {@link #fixture()}.
   *
   * @return the fixture's classpath location; empty (the default) for a generated sample
   */
  String value() default "";

  /** {@return same as {@link #value()}, for when other attributes are given too} */
  String fixture() default "";

  /**
   * The event type, by the name Webconnex sends in {@code eventType} and
   * {@code X-Webconnex-Event}: {@code "registration"}, {@code "publish"}, {@code "coupon"},
   * {@code "edit_registrant"}... Required without a fixture. With a fixture it is optional (the
   * fixture's own {@code eventType} decides); when given, the fixture is validated as this type.
   *
   * @return the event type's wire name; empty (the default) to take a fixture's own
   */
  String eventType() default "";

  /**
   * {@code "lenient"} or {@code "strict"}; by default the configuration parameter
   * {@code webconnex.profile}, else lenient.
   *
   * @return {@code "lenient"}, {@code "strict"}, or empty (the default) for the configured profile
   */
  String profile() default "";

  /**
   * {@code true} asks for a payload that does not conform, to test that the code under test rejects
   * it: the test then fails if the payload conforms after all. Break a generated sample with
   * {@link #set()} or {@link #remove()}, or point at a broken fixture.
   *
   * @return {@code true} for a payload that must not conform; {@code false} by default
   */
  boolean invalid() default false;

  /**
   * Field overrides for a generated sample, each {@code "/json/pointer=value"}, applied in order.
   * The text after the first {@code =} is read as JSON and, when it is not JSON, taken as a
   * string: {@code "/data/total=250"} sets the number 250, {@code "/data/total=\"250\""} the string
   * "250", {@code "/meta/name=Orders"} and {@code "/meta/name=\"Orders\""} both the string "Orders",
   * {@code "/data/couponCode=null"} null, {@code "/meta={\"name\":\"x\"}"} an object. The parent
   * must exist; the last step may name a new member, an array index, or {@code -} to append.
   *
   * @return the overrides, applied in order; empty by default
   */
  String[] set() default {};

  /** {@return JSON Pointers of members or array elements to remove from a generated sample, after {@link #set()}} */
  String[] remove() default {};

  /**
   * Whether a generated sample leaves out its <em>observed</em> fields: those no table of
   * Webconnex's documentation lists but real traffic is known to carry (a registration's
   * {@code data.formName}, each registrant's {@code lookupId}; {@code
   * docs/documentation-discrepancies.md} lists them with their evidence). By default a sample
   * carries them, as a real delivery does; {@code true} gives documented fields only, for a
   * receiver that must cope without them.
   *
   * @return {@code true} for documented fields only; {@code false} (the default) to carry observed ones
   */
  boolean documentedOnly() default false;

  /**
   * Levels for problem keys, each {@code "key=level"} (several may also be written in one entry,
   * separated by commas): {@code levels = "delivery.userAgent=ignore"}. Levels are {@code error},
   * {@code warning}, {@code info} and {@code ignore}; a prefix sets every key under it
   * ({@code "schema=warning"}), and the most specific entry wins. They are added to the
   * configuration parameter {@code webconnex.levels}, and win over it for the same key. Only
   * errors fail the test; problems set to {@code ignore} are left out of the report.
   *
   * @return the entries, added to {@code webconnex.levels}; empty by default
   */
  String[] levels() default {};

  /**
   * Names of system properties holding signing secrets for {@code WebconnexDelivery} parameters.
   * The first secret named (system properties first, then {@link #secretEnv()}, then
   * {@link #secretFile()}) signs the delivery; every one named must be set. Any of these three
   * attributes replaces the configuration parameters {@code webconnex.secretProperty},
   * {@code webconnex.secretEnv} and {@code webconnex.secretFile} as a whole. With none named, the
   * delivery is signed with {@link #TEST_SECRET}.
   *
   * @return the property names; empty by default
   */
  String[] secretProperty() default {};

  /** {@return names of environment variables holding signing secrets for {@code WebconnexDelivery} parameters} */
  String[] secretEnv() default {};

  /**
   * Files whose first line (read as UTF-8, without its line break) is a signing secret for
   * {@code WebconnexDelivery} parameters; a relative path is resolved against the working directory.
   *
   * @return the files' paths; empty by default
   */
  String[] secretFile() default {};
}
