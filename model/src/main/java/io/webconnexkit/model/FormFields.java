package io.webconnexkit.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A record that carries the values of a form's fields ({@code registrants[].data[]}, a ticket's
 * {@code data}, the edit and cancel events' {@code data.data}), with look-up by the field's key.
 *
 * <pre>{@code
 * Optional<EmailField> email = registrant.field("email", EmailField.class);
 * }</pre>
 */
public interface FormFields {

  /** @return the values of the form's fields, one per field, in the order sent; null when not sent */
  List<FieldValue> data();

  /**
   * @param key the field's key, as the form defines it ({@code "email"}, {@code "tshirtSize"})
   * @return the first field value with that key
   */
  default Optional<FieldValue> field(String key) {
    Objects.requireNonNull(key, "key");
    List<FieldValue> values = data();
    return values == null ? Optional.empty() : values.stream().filter(v -> key.equals(v.key())).findFirst();
  }

  /**
   * @param key the field's key
   * @param type the record expected, such as {@code EmailField.class}
   * @param <T> that record
   * @return the first field value with that key, when it is of that type
   */
  default <T extends FieldValue> Optional<T> field(String key, Class<T> type) {
    Objects.requireNonNull(type, "type");
    return field(key).filter(type::isInstance).map(type::cast);
  }
}
