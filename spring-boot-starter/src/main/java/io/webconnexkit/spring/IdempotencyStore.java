package io.webconnexkit.spring;

/**
 * Remembers which deliveries were handled, by their {@code X-Webconnex-Delivery} id, so that a
 * delivery Webconnex sends again (a resend carries the same id and the same signature) is answered
 * 200 without being handled twice. The starter's default keeps ids in memory
 * ({@link InMemoryIdempotencyStore}); an application with several instances declares a bean of its
 * own, backed by a store they share (a database table with the id as primary key, Redis
 * {@code SET NX}, ...). Implementations must be thread-safe.
 */
public interface IdempotencyStore {

  /**
   * Claims a delivery before it is handled; atomic, so that of two concurrent deliveries with one
   * id only one is handled.
   *
   * @param deliveryId the {@code X-Webconnex-Delivery} value
   * @return true when the id was not claimed before (the caller handles the delivery), false for a
   *     repeat
   */
  boolean claim(String deliveryId);

  /**
   * Forgets a claim whose handling failed, so that the resend Webconnex makes is handled.
   *
   * @param deliveryId the id claimed
   */
  void release(String deliveryId);
}
