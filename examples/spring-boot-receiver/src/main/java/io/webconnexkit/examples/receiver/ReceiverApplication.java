package io.webconnexkit.examples.receiver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

/** A small service that receives Webconnex webhooks the right way. */
@SpringBootApplication
@EnableAsync
public class ReceiverApplication {

  public static void main(String[] args) {
    SpringApplication.run(ReceiverApplication.class, args);
  }
}
