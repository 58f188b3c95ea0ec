/**
 * Typed Webconnex webhook events: immutable records generated at build time from the contract in
 * {@code schemas/src/contract}, one per documented event ({@link io.webconnexkit.model.RegistrationEvent},
 * {@link io.webconnexkit.model.PublishEvent}, ...), {@link io.webconnexkit.model.UnknownEvent} for
 * any other event type, all in the sealed {@link io.webconnexkit.model.WebconnexEvent}.
 *
 * <p>Start with {@link io.webconnexkit.model.WebconnexEvents}. Ids the documentation calls strings
 * are {@code String}, money is {@code BigDecimal}, timestamps are {@link io.webconnexkit.model.Timestamp}
 * (RFC 3339 or the legacy form, the text kept), {@code lookupId} is {@link io.webconnexkit.model.WebconnexId}
 * (integer or string, the form kept), and every record keeps the fields it does not know in
 * {@code extras()}: writing an event gives the JSON it was read from. The package
 * {@code io.webconnexkit.model.internal} is not API.
 */
package io.webconnexkit.model;
