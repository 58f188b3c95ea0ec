package io.webconnexkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * Proves which JUnit the suite ran on: the module's build runs it on JUnit 5, the build in
 * src/it/junit6-project on JUnit 6, each naming the version it expects.
 */
class JupiterVersionTest {

  @Test
  void runsOnTheJupiterTheBuildAskedFor() throws ClassNotFoundException {
    String expected = System.getProperty("webconnex.test.expectedJupiter");
    assumeTrue(expected != null, "run by Maven, which names the expected version");

    assertThat(versionOf("org.junit.jupiter.api.Test")).isEqualTo(expected);
    assertThat(versionOf("org.junit.jupiter.engine.JupiterTestEngine")).isEqualTo(expected);
    assertThat(versionOf("org.junit.jupiter.params.ParameterizedTest")).isEqualTo(expected);
  }

  private static String versionOf(String className) throws ClassNotFoundException {
    return Class.forName(className).getPackage().getImplementationVersion();
  }
}
