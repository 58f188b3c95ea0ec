package io.webconnexkit.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConcurrencyTest {

  @ParameterizedTest
  @EnumSource(Profile.class)
  void eightThreadsGetTheSameReportsAsOne(Profile profile) throws Exception {
    List<byte[]> corpus = Resources.corpus();
    SigningSecret secret = SigningSecret.of("concurrency-secret");
    WebconnexValidator serialValidator = WebconnexValidator.builder().profile(profile).build();
    List<ValidationReport> expected = new ArrayList<>();
    for (byte[] body : corpus) {
      expected.add(serialValidator.validate(body));
    }

    // A fresh validator so that the threads race on the lazy compilation of every schema.
    WebconnexValidator shared = WebconnexValidator.builder().profile(profile).build();
    DeliveryVerifier verifier = DeliveryVerifier.builder().validator(shared).signingSecret(secret).build();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<ValidationReport>>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int offset = t;
        Callable<List<ValidationReport>> task = () -> {
          ValidationReport[] reports = new ValidationReport[corpus.size()];
          for (int round = 0; round < 20; round++) {
            for (int i = 0; i < corpus.size(); i++) {
              int index = (i + offset) % corpus.size();
              reports[index] = shared.validate(corpus.get(index));
              verifier.verify(WebconnexDelivery.signed("registration", corpus.get(index), secret));
            }
          }
          return List.of(reports);
        };
        futures.add(pool.submit(task));
      }
      for (Future<List<ValidationReport>> future : futures) {
        assertThat(future.get(2, TimeUnit.MINUTES)).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
