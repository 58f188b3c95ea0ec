package io.webconnexkit.model.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sealed family of the model: the JSON field that tells its records apart, the record of each
 * documented value, and the record for every other value. Not API.
 *
 * @param type the sealed interface
 * @param discriminator the JSON field ({@code eventType}, {@code type})
 * @param fallback the record for values the contract does not document
 * @param variants each documented value and its record
 */
public record Family(Class<?> type, String discriminator, Class<? extends Record> fallback,
    Map<String, Class<? extends Record>> variants) {

  /**
   * @param type the sealed interface
   * @param discriminator the JSON field
   * @param fallback the record for other values
   * @param pairs each documented value followed by its record class
   * @param <T> the interface
   * @return the family, its variants in the order given
   */
  @SuppressWarnings("unchecked")
  public static <T> Family of(Class<T> type, String discriminator, Class<? extends T> fallback, Object... pairs) {
    Map<String, Class<? extends Record>> variants = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      variants.put((String) pairs[i], (Class<? extends Record>) pairs[i + 1]);
    }
    return new Family(type, discriminator, (Class<? extends Record>) fallback, Collections.unmodifiableMap(variants));
  }

  /**
   * @param value the discriminator's value, or null when absent or not a string
   * @return the record it binds to
   */
  public Class<? extends Record> recordFor(String value) {
    Class<? extends Record> variant = value == null ? null : variants.get(value);
    return variant != null ? variant : fallback;
  }
}
