package io.webconnexkit.examples.receiver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small service that receives Webconnex webhooks: its handlers are in {@link WebconnexHandlers}. */
@SpringBootApplication
public class ReceiverApplication {

  public static void main(String[] args) {
    SpringApplication.run(ReceiverApplication.class, args);
  }
}
