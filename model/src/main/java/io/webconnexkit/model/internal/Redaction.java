package io.webconnexkit.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The text of a record for logs: its components and extras, with the values of fields that may
 * hold a credential or card data ({@code appKey}, {@code appToken}, {@code token}, {@code cvvCode},
 * {@code track1}, {@code track2}) shown as {@code [redacted]}, since receivers use
 * {@code meta.appKey} as a second shared secret and older payloads carry card tracks. Not API.
 */
public final class Redaction {

  /** The field names whose values never appear in a record's text. */
  public static final Set<String> SENSITIVE = Set.of("appKey", "appToken", "token", "cvvCode", "track1", "track2");

  private static final String REDACTED = "[redacted]";

  private Redaction() {}

  /**
   * @param record a record of the model
   * @return {@code Name[component=value, ..., extras={...}]}, sensitive values redacted
   */
  public static String describe(Record record) {
    StringJoiner text = new StringJoiner(", ", record.getClass().getSimpleName() + "[", "]");
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      Object value;
      try {
        value = component.getAccessor().invoke(record);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + component.getName(), e);
      }
      if (component.getName().equals("extras") && value instanceof Map<?, ?> extras) {
        StringJoiner members = new StringJoiner(", ", "{", "}");
        extras.forEach((name, member) -> members.add(name + "=" + (SENSITIVE.contains(name) ? REDACTED : text(member))));
        text.add("extras=" + members);
      } else {
        text.add(component.getName() + "=" + (SENSITIVE.contains(component.getName()) && value != null ? REDACTED : value));
      }
    }
    return text.toString();
  }

  private static String text(Object member) {
    return member instanceof JsonNode node ? node.toString() : String.valueOf(member);
  }
}
