package io.webconnexkit.spring.app;

import io.webconnexkit.model.CouponEvent;
import io.webconnexkit.model.RegistrationEvent;
import io.webconnexkit.model.UnknownEvent;
import io.webconnexkit.model.WebconnexEvent;
import io.webconnexkit.spring.WebconnexWebhook;
import io.webconnexkit.validator.ValidationReport;
import io.webconnexkit.validator.WebconnexDelivery;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** Handlers of the tests' application: three event types at the default path, and a catch-all at another. */
@Component
class WebconnexHandlers {

  private final Received received;
  private final AtomicInteger couponFailures = new AtomicInteger();

  WebconnexHandlers(Received received) {
    this.received = received;
  }

  @WebconnexWebhook
  void onRegistration(RegistrationEvent event, WebconnexDelivery delivery) {
    received.add("onRegistration", id(delivery), event);
  }

  /** Fails once for a coupon named "fail", as a handler whose database is down would. */
  @WebconnexWebhook
  void onCoupon(CouponEvent event, WebconnexDelivery delivery) {
    if ("fail".equals(event.data().name()) && couponFailures.getAndIncrement() == 0) {
      throw new IllegalStateException("the coupon store is down");
    }
    received.add("onCoupon", id(delivery), event);
  }

  @WebconnexWebhook
  void onUnknown(UnknownEvent event, WebconnexDelivery delivery) {
    received.add("onUnknown", id(delivery), event);
  }

  @WebconnexWebhook("/webhooks/everything")
  void onAnything(WebconnexEvent event, WebconnexDelivery delivery, ValidationReport report) {
    received.add("onAnything:" + report.warnings().size(), id(delivery), event);
  }

  private static String id(WebconnexDelivery delivery) {
    return delivery.header(WebconnexDelivery.DELIVERY_HEADER).orElse("");
  }
}
