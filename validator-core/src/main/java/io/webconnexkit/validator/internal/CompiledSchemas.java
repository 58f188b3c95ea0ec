package io.webconnexkit.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.webconnexkit.validator.Profile;

/**
 * The kit's own schemas compiled into Java at build time (by {@code validator-generator}, into
 * {@code target/generated-sources}): the fast path that accepts a valid payload without
 * interpreting the schemas. It only ever says "certainly valid, no problem of any level"; for
 * anything else the validator asks networknt, which writes the report exactly as without this
 * path. {@code DifferentialTest} and the fuzz target {@code CompiledPathFuzzTest} hold it to that.
 * Not API.
 */
public final class CompiledSchemas {

  private CompiledSchemas() {}

  /**
   * @param profile the profile whose schemas apply
   * @param eventType the event type the payload is checked as; null for the envelope only
   * @param root the parsed payload
   * @return true when the interpreting validator would certainly report no problem at all for
   *     this payload under the kit's own schemas; false when it might report one
   */
  public static boolean certainlyClean(Profile profile, String eventType, JsonNode root) {
    return profile == Profile.STRICT
        ? StrictCompiledSchema.accepts(eventType, root)
        : LenientCompiledSchema.accepts(eventType, root);
  }
}
