package io.webconnexkit.junit;

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
      throw new ParameterResolutionException(payload.origin() + " cannot be read as " + type.getTypeName() + ": "
          + ReportLine.escape(e.getMessage()), e);
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
