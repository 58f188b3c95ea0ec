package io.webconnexkit.examples.receiver;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Service;

/** Where the real work would go; here it only records the orders it was told about. */
@Service
public class Orders {

  /** One order, as a handler recorded it. */
  public record Order(String orderNumber, BigDecimal total, String email) {}

  private final List<Order> orders = new CopyOnWriteArrayList<>();

  void record(String orderNumber, BigDecimal total, String email) {
    orders.add(new Order(orderNumber, total, email));
  }

  /** @return the orders recorded with this order number, oldest first */
  public List<Order> withNumber(String orderNumber) {
    return orders.stream().filter(o -> o.orderNumber().equals(orderNumber)).toList();
  }
}
