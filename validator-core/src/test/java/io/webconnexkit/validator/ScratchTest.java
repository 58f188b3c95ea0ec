package io.webconnexkit.validator;

import java.nio.file.*;
import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void show() throws Exception {
    for (Profile p : Profile.values()) {
      WebconnexValidator v = WebconnexValidator.builder().profile(p).build();
      for (String f : new String[] {"registration-total-as-string.json", "registration-problems.json", "registration-legacy-timestamp.json"}) {
        System.out.println(p + " " + f + "\n" + v.validate(Files.readAllBytes(Path.of("src/test/resources/payloads/" + f))));
      }
      System.out.println(v.validate("{\"eventType\":\"registrant_edit\",\"data\":{}}"));
      System.out.println(v.validate("{\"eventType\":\"Inventory_80\",\"data\":{}, \"a\":1, \"a\":2}"));
      System.out.println(v.validate("{\"eventType\":\"ping\",\"data\":{}} x"));
      System.out.println(v.validate("[1]"));
      System.out.println(v.validate("{\"a\": NaN}"));
      System.out.println(v.validate("   "));
      System.out.println(v.validate(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'}));
      System.out.println(v.validate("[".repeat(100)));
      System.out.println(v.validate("{\"a\":" + "1".repeat(200) + "}"));
      System.out.println(v.validate("{\"eventType\":\"registration\",\n\"data\":{\"total\": 1,}}"));
    }
  }
}
