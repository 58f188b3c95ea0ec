package io.webconnexkit.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The reader's pull form: the same records as its push form, and a JSON Lines archive read only as far as asked. */
class RecordedDeliveryStreamTest {

  private static final byte[] SAMPLE = WebconnexSample.of(EventType.REGISTRATION).toBytes();

  /** Counts what was read from it. */
  static final class Counting extends FilterInputStream {
    long read;

    Counting(byte[] bytes) {
      super(new ByteArrayInputStream(bytes));
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      read += b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      read += Math.max(n, 0);
      return n;
    }
  }

  private static byte[] archive(int lines) {
    StringBuilder b = new StringBuilder();
    String line = new String(SAMPLE, StandardCharsets.UTF_8).replace("\n", "");
    for (int i = 0; i < lines; i++) {
      b.append(line).append('\n');
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aJsonLinesArchiveIsReadOnlyAsFarAsRecordsAreAskedFor() {
    byte[] archive = archive(2000);
    Counting in = new Counting(archive);

    Iterator<RecordedDelivery> records = RecordedDeliveryReader.standard().stream(in, "a.jsonl", true).iterator();
    RecordedDelivery first = records.next();

    assertThat(first.label()).contains("line 1");
    assertThat(in.read).as("bytes read for the first record").isLessThanOrEqualTo(64 * 1024 + SAMPLE.length);
    assertThat(in.read).isLessThan(archive.length / 10);
  }

  @Test
  void pullingGivesWhatPushingGives() {
    String mixed = "\n" + new String(archive(2), StandardCharsets.UTF_8).replace("\n", "\r\n") + "  \n[1]\n{\"eventType\":\n"
        + new String(archive(1), StandardCharsets.UTF_8).trim();
    for (byte[] content : List.of(mixed.getBytes(StandardCharsets.UTF_8), new byte[0], "\n\n".getBytes(StandardCharsets.UTF_8))) {
      for (RecordedDeliveryReader reader : List.of(RecordedDeliveryReader.standard(), RecordedDeliveryReader.withMaxRecordBytes(100))) {
        List<String> pushed = new ArrayList<>();
        reader.read(new ByteArrayInputStream(content), "m.jsonl", true, r -> pushed.add(describe(r)));
        List<String> pulled;
        try (Stream<RecordedDelivery> stream = reader.stream(new ByteArrayInputStream(content), "m.jsonl", true)) {
          pulled = stream.map(RecordedDeliveryStreamTest::describe).toList();
        }
        assertThat(pulled).isEqualTo(pushed).isNotEmpty();
      }
    }
  }

  @Test
  void aWholeDocumentIsOneRecordAndAFileThatCannotBeOpenedIsOneUnreadableRecord() {
    try (Stream<RecordedDelivery> one = RecordedDeliveryReader.standard().stream(new ByteArrayInputStream(SAMPLE), "p.json", false)) {
      assertThat(one.map(RecordedDelivery::shape)).containsExactly(RecordShape.PAYLOAD);
    }
    try (Stream<RecordedDelivery> missing = RecordedDeliveryReader.standard().stream(Path.of("no-such-dir/x.jsonl"), "x.jsonl")) {
      assertThat(missing.toList()).singleElement()
          .satisfies(r -> assertThat(r.readProblems()).extracting(Problem::key).containsExactly("fixture.unreadable"));
    }
  }

  @Test
  void aReadFailureEndsTheRecordsWithAnUnreadableOne() {
    byte[] archive = archive(3);
    InputStream failing = new FilterInputStream(new ByteArrayInputStream(archive, 0, SAMPLE.length + 10)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0) {
          throw new IOException("Connection reset");
        }
        return n;
      }
    };

    List<RecordedDelivery> records = RecordedDeliveryReader.standard().stream(failing, "f.jsonl", true).toList();

    assertThat(records).last().satisfies(r -> assertThat(r.readProblems()).extracting(Problem::key)
        .containsExactly("fixture.unreadable"));
  }

  private static String describe(RecordedDelivery r) {
    return r.toString() + " " + r.shape() + " " + r.line() + " " + r.label() + " " + r.readProblems()
        + " " + (r.body() == null ? "-" : new String(r.body(), StandardCharsets.UTF_8));
  }
}
