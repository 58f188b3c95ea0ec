/**
 * The Webconnex Spring Boot starter: {@link io.webconnexkit.spring.WebconnexWebhook} handler methods
 * that receive verified, de-duplicated, typed events, configured by
 * {@link io.webconnexkit.spring.WebconnexProperties} ({@code webconnex.*}). MockMvc test support is in
 * {@code io.webconnexkit.spring.test}; {@code io.webconnexkit.spring.internal} is not API.
 */
package io.webconnexkit.spring;
