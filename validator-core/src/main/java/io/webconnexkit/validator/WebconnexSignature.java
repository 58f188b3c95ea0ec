package io.webconnexkit.validator;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Webconnex-Signature} scheme: lowercase hex HMAC-SHA256 of the raw body bytes,
 * keyed with the webhook's signing secret. {@link #sign} and {@link #matches} are symmetric, so
 * tests can sign exactly what receivers verify.
 */
public final class WebconnexSignature {

  /** Length of a signature in hex characters. */
  public static final int LENGTH = 64;

  private static final HexFormat HEX = HexFormat.of();

  private WebconnexSignature() {}

  /** The signature Webconnex would send for these exact body bytes. */
  public static String sign(SigningSecret secret, byte[] body) {
    return HEX.formatHex(hmac(secret, body));
  }

  /**
   * Whether {@code signature} is the HMAC-SHA256 of {@code body} under {@code secret}, compared in
   * constant time. Hex digits may be upper or lower case; anything that is not 64 hex digits does
   * not match.
   */
  public static boolean matches(SigningSecret secret, byte[] body, String signature) {
    Objects.requireNonNull(signature, "signature");
    byte[] given = decode(signature);
    return given != null && MessageDigest.isEqual(hmac(secret, body), given);
  }

  /** The 32 bytes a well-formed signature stands for, or null when it is not 64 hex digits. */
  static byte[] decode(String signature) {
    if (signature.length() != LENGTH) {
      return null;
    }
    for (int i = 0; i < LENGTH; i++) {
      if (Character.digit(signature.charAt(i), 16) < 0) {
        return null;
      }
    }
    return HEX.parseHex(signature.toLowerCase(java.util.Locale.ROOT));
  }

  static byte[] hmac(SigningSecret secret, byte[] body) {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(body, "body");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      // Every Java 17 runtime provides HmacSHA256: reaching this is a broken JVM, not bad input.
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
