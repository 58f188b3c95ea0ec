package io.webconnexkit.examples.receiver;

import io.webconnexkit.model.CouponEvent;
import io.webconnexkit.model.EmailField;
import io.webconnexkit.model.RegistrationEvent;
import io.webconnexkit.model.SubscriptionEvent;
import io.webconnexkit.model.UnknownEvent;
import io.webconnexkit.spring.WebconnexWebhook;
import io.webconnexkit.validator.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The application's Webconnex handlers. The starter calls each one with a delivery whose signature
 * it verified, whose payload conforms and that it has not handled before, bound to its type.
 */
@Component
class WebconnexHandlers {

  private static final Logger LOG = LoggerFactory.getLogger(WebconnexHandlers.class);

  private final Orders orders;

  WebconnexHandlers(Orders orders) {
    this.orders = orders;
  }

  @WebconnexWebhook
  void onRegistration(RegistrationEvent event) {
    RegistrationEvent.Data data = event.data();
    String email = data.registrants().get(0).field("email", EmailField.class).map(EmailField::value).orElse(null);
    orders.record(data.orderNumber(), data.total(), email);
  }

  @WebconnexWebhook
  void onSubscription(SubscriptionEvent event) {
    orders.record(event.data().orderNumber(), event.data().total(), event.data().subscription().email());
  }

  @WebconnexWebhook
  void onCoupon(CouponEvent event) {
    LOG.info("coupon {} redeemed {} times", event.data().name(), event.data().redeemed());
  }

  @WebconnexWebhook
  void onUnknown(UnknownEvent event) {
    LOG.info("event type {} is not documented{}", event.eventType(), EventType.resembling(event.eventType())
        .map(documented -> " (did Webconnex mean " + documented + "?)").orElse(""));
  }
}
