/**
 * MockMvc test support for applications that receive Webconnex webhooks:
 * {@link io.webconnexkit.spring.test.WebconnexRequestPostProcessors#webconnex()}. Needs
 * {@code spring-test} on the test classpath (Spring Boot's {@code spring-boot-starter-test} has it).
 */
package io.webconnexkit.spring.test;
