package io.webconnexkit.junit;

import java.math.BigDecimal;
import java.util.List;

/** A receiver's own view of a registration: only the fields it uses. */
record RegistrationEvent(String eventType, long accountId, Data data) {

  record Data(String id, String orderNumber, BigDecimal total, String currency, List<Registrant> registrants) {}

  record Registrant(String id, BigDecimal amount) {}
}
