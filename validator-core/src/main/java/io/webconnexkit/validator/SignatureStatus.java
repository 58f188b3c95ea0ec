package io.webconnexkit.validator;

/** What a report can say about the {@code X-Webconnex-Signature} of a delivery. */
public enum SignatureStatus {
  /** A payload was validated on its own: there was no signature to check. */
  NOT_APPLICABLE,
  /** A delivery was verified without a signing secret, so its signature was not checked. */
  NOT_CHECKED,
  /** The signature is the HMAC-SHA256 of the raw body under a configured secret. */
  VERIFIED,
  /** The delivery carries no signature header although a secret was configured. */
  MISSING,
  /** The signature is malformed or does not match the body under any configured secret. */
  INVALID;

  /** {@return lower-case, hyphenated name, as reports print it ({@code not-checked})} */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
