package io.webconnexkit.spring.test;

/**
 * MockMvc test support: a request post-processor that turns a bundled sample, a fixture or given
 * bytes into a delivery shaped and signed exactly as Webconnex sends one.
 *
 * <pre>{@code
 * mockMvc.perform(post("/webhooks/webconnex").with(webconnex().registration().set("/data/total", 250)))
 *     .andExpect(status().isOk());
 * }</pre>
 */
public final class WebconnexRequestPostProcessors {

  private WebconnexRequestPostProcessors() {}

  /**
   * A delivery to build: choose its payload ({@code registration()}, {@code event(...)},
   * {@code fixture(...)}, {@code body(...)}), change fields with {@code set} and {@code without}, and
   * pass it to MockMvc's {@code with(...)}. It is signed with the application's first
   * {@code webconnex.signing-secrets} unless told otherwise.
   *
   * @return a new delivery builder
   */
  public static WebconnexDeliveryPostProcessor webconnex() {
    return new WebconnexDeliveryPostProcessor();
  }
}
