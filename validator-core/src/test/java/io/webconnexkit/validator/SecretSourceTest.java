package io.webconnexkit.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one source of signing secrets: where they come from, why one is missing, and that none is ever shown. */
class SecretSourceTest {

  private static final String SECRET = "whsec-ünïcode-0001";
  private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

  private static String signature(SigningSecret secret) {
    return WebconnexSignature.sign(secret, BODY);
  }

  @Test
  void readsTheFirstLineOfAFileAsUtf8(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("secret");
    Files.write(file, (SECRET + "\r\nsecond line\n").getBytes(StandardCharsets.UTF_8));

    SigningSecret secret = SecretSource.file(file).resolve();

    assertThat(signature(secret)).isEqualTo(signature(SigningSecret.of(SECRET)));
  }

  @Test
  void readsAnEnvironmentVariableAndASystemProperty() {
    assertThat(SecretSource.environment("WEBCONNEX_SECRET").resolve(Map.of("WEBCONNEX_SECRET", SECRET)::get))
        .isEqualTo(SigningSecret.of(SECRET));
    System.setProperty("webconnex.test.secret", SECRET);
    try {
      assertThat(SecretSource.systemProperty("webconnex.test.secret").resolve()).isEqualTo(SigningSecret.of(SECRET));
    } finally {
      System.clearProperty("webconnex.test.secret");
    }
    String path = System.getenv("PATH");
    assertThat(SecretSource.environment("PATH").resolve()).isEqualTo(SigningSecret.of(path));
  }

  @Test
  void saysWhyThereIsNoSecretAndNeverShowsOne(@TempDir Path dir) throws IOException {
    Path empty = Files.writeString(dir.resolve("empty"), "\n");
    Path notUtf8 = Files.write(dir.resolve("latin1"), new byte[] {(byte) 0xE9, 'x'});

    assertThatThrownBy(() -> SecretSource.environment("NO_SUCH_VARIABLE_HERE").resolve(Map.<String, String>of()::get))
        .isInstanceOf(SecretSourceException.class).hasMessage("environment variable NO_SUCH_VARIABLE_HERE is not set or is empty");
    assertThatThrownBy(() -> SecretSource.file(dir).resolve()).hasMessageEndingWith("is not a regular file");
    assertThatThrownBy(() -> SecretSource.file(empty).resolve()).hasMessageEndingWith("is empty on its first line");
    assertThatThrownBy(() -> SecretSource.file(notUtf8).resolve()).hasMessageEndingWith("is not valid UTF-8; Webconnex secrets are UTF-8 text");
    assertThatThrownBy(() -> SecretSource.systemProperty("no.such.property").resolve())
        .hasMessage("system property no.such.property is not set or is empty");
  }

  @Test
  void aSecretGivenWhereANameOrPathBelongsIsNeverRepeated() {
    String looksLikeASecret = "whsec_9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    assertThatThrownBy(() -> SecretSource.environment("9f86d0/8188+4c7d=")).isInstanceOf(SecretSourceException.class)
        .hasMessageNotContaining("9f86d0");
    assertThatThrownBy(() -> SecretSource.environment("has space")).hasMessageNotContaining("has space");
    assertThatThrownBy(() -> SecretSource.environment("catalogue-secret-Qz7w")).hasMessageNotContaining("Qz7w");
    assertThatThrownBy(() -> SecretSource.environment("whsecQz7wK2").resolve(Map.<String, String>of()::get))
        .hasMessageNotContaining("whsecQz7wK2").hasMessageContaining("is not set");
    assertThatThrownBy(() -> SecretSource.file(Path.of(looksLikeASecret)).resolve())
        .hasMessageNotContaining(looksLikeASecret).hasMessageContaining("does not exist");
  }

  @Test
  void printsWhereNeverWhat() {
    assertThat(SecretSource.environment("WEBCONNEX_SECRET")).hasToString("environment variable WEBCONNEX_SECRET");
    assertThat(SecretSource.of(SigningSecret.of(SECRET)).toString()).doesNotContain(SECRET);
    assertThat(SigningSecret.of(SECRET).toString()).doesNotContain(SECRET);
    assertThat(SecretSource.file(Path.of("a\nb")).toString()).doesNotContain("\n");
  }

  @Test
  void severalSourcesGiveSeveralSecretsForARotation(@TempDir Path dir) throws IOException {
    Path old = Files.writeString(dir.resolve("old"), "old-secret\n");
    SigningSecret current = SigningSecret.of("current-secret");
    DeliveryVerifier verifier = DeliveryVerifier.builder()
        .secretSources(List.of(SecretSource.of(current), SecretSource.file(old))).build();
    WebconnexDelivery signedWithOld = WebconnexDelivery.of(Map.of("X-Webconnex-Signature",
        List.of(signature(SigningSecret.of("old-secret")))), BODY);

    assertThat(SecretSource.resolveAll(List.of(SecretSource.of(current), SecretSource.file(old)))).hasSize(2);
    assertThat(verifier.verifySignature(signedWithOld)).isEqualTo(SignatureStatus.VERIFIED);
  }

  @Test
  void theOneRuleForNames() {
    assertThat(SecretSource.isName("WEBCONNEX_SECRET")).isTrue();
    assertThat(SecretSource.isName("webconnex.secret")).as("a property name, not a variable name").isFalse();
    assertThat(SecretSource.systemProperty("webconnex.secret")).hasToString("system property webconnex.secret");
    assertThat(SecretSource.isName("1ABC")).isFalse();
    assertThat(SecretSource.isName("a=b")).isFalse();
    assertThat(SecretSource.isName("")).isFalse();
  }
}
