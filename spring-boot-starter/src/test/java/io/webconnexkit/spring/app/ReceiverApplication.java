package io.webconnexkit.spring.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application the starter's Spring Boot tests run: its handlers are in {@link WebconnexHandlers}. */
@SpringBootApplication
public class ReceiverApplication {}
