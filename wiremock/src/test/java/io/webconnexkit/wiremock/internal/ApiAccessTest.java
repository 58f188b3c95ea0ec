package io.webconnexkit.wiremock.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The public API's rate limits are an account's: each API key has its own windows. */
class ApiAccessTest {

  @Test
  void eachKeyHasItsOwnBurstWindow() {
    ApiAccess access = ApiAccess.of(null, 2, Duration.ofMinutes(5));

    assertThat(access.take("key-a").allowed()).isTrue();
    assertThat(access.take("key-a").allowed()).isTrue();
    assertThat(access.take("key-a").allowed()).isFalse();

    ApiAccess.Decision other = access.take("key-b");
    assertThat(other.allowed()).isTrue();
    assertThat(other.burstRemaining()).isEqualTo(1);
    assertThat(other.dailyRemaining()).isEqualTo(ApiAccess.DAILY_LIMIT - 1);
    assertThat(access.take("key-a").allowed()).as("key-b's requests do not free key-a's window").isFalse();
  }

  @Test
  void keepsTheCountsOfABoundedNumberOfKeys() {
    ApiAccess access = ApiAccess.of(null, 1, Duration.ofMinutes(5));
    access.take("first");
    assertThat(access.take("first").allowed()).isFalse();

    for (int i = 0; i < ApiAccess.MAX_KEYS; i++) {
      access.take("invented-" + i);
    }

    // The least recently used key was dropped: it starts afresh rather than the map growing.
    assertThat(access.take("first").allowed()).isTrue();
  }

  @Test
  void reportsWithoutEnforcingWhenNoBurstLimitIsSet() {
    ApiAccess access = ApiAccess.open();
    for (int i = 0; i < ApiAccess.BURST_LIMIT + 5; i++) {
      assertThat(access.take("busy").allowed()).isTrue();
    }
    assertThat(access.take("busy").burstRemaining()).isZero();
    assertThat(access.toString()).doesNotContain("busy");
  }
}
