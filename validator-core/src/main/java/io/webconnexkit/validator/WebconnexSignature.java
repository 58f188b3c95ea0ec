package io.webconnexkit.validator;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Webconnex-Signature} scheme: lowercase hex HMAC-SHA256 of the raw body bytes,
 * keyed with the webhook's signing secret. {@link #sign} and {@link #matches} are symmetric, so
 * tests can sign exactly what receivers verify.
 *
 * <p>No method throws for bad input: a signature of the wrong form simply does not match, and
 * {@link #whyMalformed(String)} says what is wrong with it. Only null arguments are rejected.
 */
public final class WebconnexSignature {

  /** Length of a signature in hex characters. */
  public static final int LENGTH = 64;

  private static final HexFormat HEX = HexFormat.of();
  /** Large enough that the HMAC, not the copying, is the cost of streaming; small enough to be constant. */
  private static final int BUFFER = 64 * 1024;

  private WebconnexSignature() {}

  /**
   * The signature Webconnex would send for these exact body bytes.
   *
   * @param secret the webhook's signing secret; not null
   * @param body the raw body bytes as sent, not re-encoded; not null, may be empty
   * @return the signature: lower-case hex, {@value #LENGTH} characters
   */
  public static String sign(SigningSecret secret, byte[] body) {
    return HEX.formatHex(hmac(secret, body));
  }

  /**
   * The signature Webconnex would send for the bytes this stream yields, read to its end in
   * constant memory, so a body of any size can be signed. The stream is not closed.
   *
   * @throws IOException when the stream cannot be read; nothing is signed then
   * @param secret the webhook's signing secret; not null
   * @param body the raw body, read from where it stands to its end; not null
   * @return the signature: lower-case hex, {@value #LENGTH} characters
   */
  public static String sign(SigningSecret secret, InputStream body) throws IOException {
    return HEX.formatHex(hmac(secret, body));
  }

  /**
   * Whether {@code signature} is the HMAC-SHA256 of {@code body} under {@code secret}, compared in
   * constant time. Hex digits may be upper or lower case; anything that is not 64 ASCII hex digits
   * does not match (see {@link #whyMalformed(String)}).
   *
   * @param secret the webhook's signing secret; not null
   * @param body the raw body bytes as received; not null
   * @param signature the header's value as received, in any form; not null
   * @return {@code true} only when it is well formed and is the body's HMAC under {@code secret}
   */
  public static boolean matches(SigningSecret secret, byte[] body, String signature) {
    Objects.requireNonNull(signature, "signature");
    byte[] expected = hmac(secret, body);
    byte[] given = decode(signature);
    return given != null && MessageDigest.isEqual(expected, given);
  }

  /**
   * As {@link #matches(SigningSecret, byte[], String)}, for the bytes this stream yields: the
   * stream is read to its end in constant memory (whatever the signature looks like, so the time
   * taken does not depend on it) and compared in constant time. The stream is not closed.
   *
   * @throws IOException when the stream cannot be read
   * @param secret the webhook's signing secret; not null
   * @param body the raw body, read from where it stands to its end; not null
   * @param signature the header's value as received, in any form; not null
   * @return {@code true} only when it is well formed and is the body's HMAC under {@code secret}
   */
  public static boolean matches(SigningSecret secret, InputStream body, String signature) throws IOException {
    Objects.requireNonNull(signature, "signature");
    byte[] expected = hmac(secret, body);
    byte[] given = decode(signature);
    return given != null && MessageDigest.isEqual(expected, given);
  }

  /**
   * Why {@code signature} cannot be a signature at all, or empty when it has the right form (64
   * ASCII hex digits, either case). The text reads {@code expected 64 hex characters but found 63
   * characters} or {@code expected 64 hex characters but found 64 characters with a non-hex
   * character 'ｆ' (U+FF46) at position 12}; positions count from 1, and a control or invisible
   * character is shown escaped ({@code '\u001b'}), never raw.
   *
   * @param signature the header's value as received; not null
   * @return one line saying what is wrong; empty when the form is right (which says nothing of its HMAC)
   */
  public static Optional<String> whyMalformed(String signature) {
    Objects.requireNonNull(signature, "signature");
    String expected = "expected " + LENGTH + " hex characters but found ";
    if (signature.length() != LENGTH) {
      return Optional.of(expected + signature.length() + (signature.length() == 1 ? " character" : " characters"));
    }
    for (int i = 0; i < LENGTH; i++) {
      if (!isHex(signature.charAt(i))) {
        int codePoint = signature.codePointAt(i);
        return Optional.of(expected + LENGTH + " characters with a non-hex character " + shown(codePoint)
            + " (U+" + String.format(Locale.ROOT, "%04X", codePoint) + ") at position " + (i + 1));
      }
    }
    return Optional.empty();
  }

  /** The 32 bytes a well-formed signature stands for, or null when it is not 64 ASCII hex digits. */
  static byte[] decode(String signature) {
    if (signature.length() != LENGTH) {
      return null;
    }
    for (int i = 0; i < LENGTH; i++) {
      // Only ASCII: Character.digit also accepts fullwidth and other Unicode digits, which HexFormat does not.
      if (!isHex(signature.charAt(i))) {
        return null;
      }
    }
    return HEX.parseHex(signature.toLowerCase(Locale.ROOT));
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** The character in quotes, or its escape when printing it could hide it or drive a terminal. */
  private static String shown(int codePoint) {
    boolean invisible = Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)
        || Character.isSpaceChar(codePoint)
        || switch (Character.getType(codePoint)) {
          case Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
              Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
          default -> false;
        };
    if (!invisible) {
      return "'" + new String(Character.toChars(codePoint)) + "'";
    }
    StringBuilder s = new StringBuilder("'");
    for (char c : Character.toChars(codePoint)) {
      s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
    }
    return s.append('\'').toString();
  }

  static byte[] hmac(SigningSecret secret, byte[] body) {
    Objects.requireNonNull(body, "body");
    return mac(secret).doFinal(body);
  }

  private static byte[] hmac(SigningSecret secret, InputStream body) throws IOException {
    Objects.requireNonNull(body, "body");
    Mac mac = mac(secret);
    byte[] buffer = new byte[BUFFER];
    int n;
    while ((n = body.read(buffer)) != -1) {
      mac.update(buffer, 0, n);
    }
    return mac.doFinal();
  }

  private static Mac mac(SigningSecret secret) {
    Objects.requireNonNull(secret, "secret");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      // Every Java 17 runtime provides HmacSHA256: reaching this is a broken JVM, not bad input.
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
