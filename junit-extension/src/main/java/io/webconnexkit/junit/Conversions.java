package io.webconnexkit.junit;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.webconnexkit.validator.ReportLine;
import io.webconnexkit.validator.ValidationReport;
import io.webconnexkit.validator.WebconnexDelivery;
import java.io.IOException;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/** Turns a payload into the type a test asks for. */
final class Conversions {

  private Conversions() {}

  static Class<?> rawType(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return rawType(p.getRawType());
    }
    if (type instanceof GenericArrayType) {
      return Object[].class;
    }
    return Object.class;
  }

  /** Fails for the types no payload can become. */
  static void requireSupported(Type type, String where) {
    if (rawType(type).isPrimitive()) {
      throw new ParameterResolutionException(where + ": a payload cannot be injected as " + type.getTypeName()
          + "; use String, byte[], JsonNode, WebconnexDelivery, ValidationReport or a class Jackson can bind");
    }
  }

  /**
   * @param delivery asked only for a {@code WebconnexDelivery}: the payload as a delivery
   * @throws ParameterResolutionException when the payload cannot be read as the type
   */
  static Object convert(Payload payload, Type type, ObjectMapper mapper, Supplier<WebconnexDelivery> delivery) {
    Class<?> raw = rawType(type);
    if (raw == String.class) {
      return new String(payload.body(), StandardCharsets.UTF_8);
    }
    if (raw == byte[].class) {
      return payload.body().clone();
    }
    if (raw == WebconnexDelivery.class) {
      return delivery.get();
    }
    if (raw == ValidationReport.class) {
      return payload.report();
    }
    try {
      if (JsonNode.class.isAssignableFrom(raw)) {
        JsonNode tree = mapper.readTree(payload.body());
        if (!raw.isInstance(tree)) {
          throw new ParameterResolutionException(payload.origin() + " is a " + tree.getNodeType().name().toLowerCase()
              + " node, which cannot be injected as " + raw.getSimpleName());
        }
        return tree;
      }
      return mapper.readValue(payload.body(), mapper.constructType(type));
    } catch (IOException e) {
      throw bindingFailure(payload, type, e);
    }
  }

  /**
   * Why the payload cannot be bound, as briefly as a contract failure: Jackson's reason, the field
   * as a JSON Pointer and where it is in the body. Jackson's exception is not attached as the
   * cause, so the test log does not end in dozens of Jackson frames, and the frames left are the
   * extension's own.
   */
  static ParameterResolutionException bindingFailure(Payload payload, Type type, IOException e) {
    StringBuilder why = new StringBuilder();
    if (e instanceof JsonProcessingException jackson) {
      why.append(jackson.getOriginalMessage());
      if (jackson instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference step : mapping.getPath()) {
          pointer.append('/').append(step.getFieldName() != null
              ? step.getFieldName().replace("~", "~0").replace("/", "~1")
              : String.valueOf(step.getIndex()));
        }
        why.append(" (at ").append(pointer);
        appendLocation(why.append(", "), jackson.getLocation());
        why.append(')');
      } else if (jackson.getLocation() != null && jackson.getLocation().getLineNr() > 0) {
        appendLocation(why.append(" ("), jackson.getLocation());
        why.append(')');
      }
    } else {
      why.append(e.getMessage());
    }
    ParameterResolutionException failure = new ParameterResolutionException(payload.origin() + " cannot be read as "
        + type.getTypeName() + ": " + ReportLine.escape(why.toString()));
    failure.setStackTrace(Arrays.stream(failure.getStackTrace())
        .filter(frame -> frame.getClassName().startsWith(Conversions.class.getPackageName() + "."))
        .toArray(StackTraceElement[]::new));
    return failure;
  }

  private static void appendLocation(StringBuilder text, JsonLocation location) {
    if (location != null && location.getLineNr() > 0) {
      text.append("line ").append(location.getLineNr()).append(", column ").append(location.getColumnNr());
    } else if (text.length() >= 2) {
      text.setLength(text.length() - 2);
    }
  }

  /**
   * A stand-in of the type for an argument that will never reach a test body (its invocation fails
   * first); distinct from every other argument, so that the failure can be found again by identity.
   * Null when no such value can be made.
   */
  static Object placeholder(Type type, ObjectMapper mapper) {
    Class<?> raw = rawType(type);
    if (raw.isAssignableFrom(ObjectNode.class)) {
      return mapper.createObjectNode();
    }
    try {
      return mapper.readValue("{}", mapper.constructType(type));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
