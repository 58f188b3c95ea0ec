package io.webconnexkit.spring;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The default {@link IdempotencyStore}: the ids of the latest deliveries, in this process's memory.
 * It forgets the oldest id once it holds {@code capacity} of them (about 100 bytes each) and
 * everything on restart, which suits one instance; several instances need a shared store.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

  private final int capacity;
  private final Map<String, Boolean> claimed;

  /**
   * @param capacity how many delivery ids to remember, at least 1
   * @throws IllegalArgumentException when the capacity is below 1
   */
  public InMemoryIdempotencyStore(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("the capacity of an idempotency store must be at least 1, not " + capacity);
    }
    this.capacity = capacity;
    this.claimed = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, false) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > InMemoryIdempotencyStore.this.capacity;
      }
    };
  }

  @Override
  public synchronized boolean claim(String deliveryId) {
    return claimed.putIfAbsent(deliveryId, Boolean.TRUE) == null;
  }

  @Override
  public synchronized void release(String deliveryId) {
    claimed.remove(deliveryId);
  }

  /** @return how many ids the store remembers at most */
  public int capacity() {
    return capacity;
  }

  @Override
  public String toString() {
    return "InMemoryIdempotencyStore[capacity=" + capacity + "]";
  }
}
