package io.webconnexkit.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a Spring bean as the handler of one Webconnex event type at a receiving
 * endpoint. The method's event parameter says which deliveries it gets: a record such as
 * {@code RegistrationEvent} (or {@code RegistrantEvent}, for both edit and cancel), {@code UnknownEvent}
 * for event types the contract does not document, or {@code WebconnexEvent} for every event that no
 * other method of the endpoint takes.
 *
 * <pre>{@code
 * @WebconnexWebhook
 * void onRegistration(RegistrationEvent event) {
 *   orders.record(event.data().orderNumber(), event.data().total());
 * }
 * }</pre>
 *
 * <p>The starter serves the endpoint: it reads the raw body, verifies {@code X-Webconnex-Signature}
 * before parsing anything (401 when it is missing or wrong), checks the headers and the payload
 * against the contract (400 with the problems, or accepted and logged with
 * {@code webconnex.on-invalid=accept}), answers a repeated {@code X-Webconnex-Delivery} with 200
 * without calling the method again, and calls the method with the typed event (200 when it returns,
 * 500 when it throws, after which a resend is handled again). Besides the event the method may take
 * the {@code WebconnexDelivery} as received and its {@code ValidationReport} (to read warnings).
 * Its return value is ignored.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WebconnexWebhook {

  /**
   * The path of the receiving endpoint, such as {@code "/webhooks/webconnex"}; by default
   * {@code webconnex.path}, which is {@code /webhooks/webconnex} unless set. Methods with the same
   * path form one endpoint, and each takes its own event type.
   *
   * @return the path, or empty for {@code webconnex.path}
   */
  String value() default "";
}
