package io.webconnexkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/junit-extension.md shows the example test and the handler it tests whole, as they are in
 * src/test/java/io/webconnexkit/junit/example: a change to either file must be made on the page too.
 */
class DocumentationTest {

  @Test
  void theDocsPageCarriesTheCompleteExampleVerbatim() throws IOException {
    String docs = System.getProperty("webconnex.test.docs");
    assumeTrue(docs != null, "run by Maven, which names the page");
    Path page = Path.of(docs);
    Path module = page.getParent().getParent().resolve("junit-extension");
    String text = Files.readString(page);

    for (String example : new String[] {"RegistrationWebhookTest.java", "RegistrationWebhookHandler.java"}) {
      String source = Files.readString(module.resolve("src/test/java/io/webconnexkit/junit/example").resolve(example));
      assertThat(text).as(example).contains("```java\n" + source.stripTrailing() + "\n```");
    }
  }
}
