package io.webconnexkit.wiremock;

import java.io.IOException;
import java.io.UncheckedIOException;

final class Receivers {
  private Receivers() {}

  static Receiver start() {
    try {
      return new Receiver();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
