package io.webconnexkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link ValidationBenchmark}'s methods timed in the measuring thread's CPU time instead of wall
 * time: on a shared machine other processes take the CPU away from a benchmark for whole time
 * slices, which wall time counts and CPU time does not. Each round runs every method in turn for
 * about {@code roundMillis} of CPU; the median of the rounds is printed, then the ratios.
 * A check beside JMH, not a replacement: JIT and GC threads are not counted.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar io.webconnexkit.benchmarks.CpuTimeRatios [rounds] [roundMillis]}</pre>
 */
public final class CpuTimeRatios {

  private CpuTimeRatios() {}

  /** A benchmark method. */
  private interface Op {
    void run(ValidationBenchmark b, Blackhole bh) throws Exception;
  }

  /**
   * @param args rounds (default 7) and CPU milliseconds per method and round (default 300)
   * @throws Exception when a benchmark method fails
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    long roundNanos = (args.length > 1 ? Long.parseLong(args[1]) : 300) * 1_000_000L;
    Map<String, Op> ops = new LinkedHashMap<>();
    ops.put("jacksonReadTree", ValidationBenchmark::jacksonReadTree);
    ops.put("networkntValidateParsed", ValidationBenchmark::networkntValidateParsed);
    ops.put("readTreePlusNetworknt", ValidationBenchmark::readTreePlusNetworknt);
    ops.put("compiledValidateParsed", ValidationBenchmark::compiledValidateParsed);
    ops.put("kitValidateBytes", ValidationBenchmark::kitValidateBytes);
    ops.put("floorTokenScan", ValidationBenchmark::floorTokenScan);
    ops.put("hmacOnly", ValidationBenchmark::hmacOnly);
    ops.put("floorHmacPlusTokenScan", ValidationBenchmark::floorHmacPlusTokenScan);
    ops.put("hmacPlusReadTreePlusNetworknt", ValidationBenchmark::hmacPlusReadTreePlusNetworknt);
    ops.put("kitVerifyDelivery", ValidationBenchmark::kitVerifyDelivery);
    Blackhole bh = new Blackhole(
        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (String payload : List.of("documentation", "registrants50")) {
      ValidationBenchmark b = new ValidationBenchmark();
      b.payload = payload;
      b.setUp();
      Map<String, List<Double>> perOp = new LinkedHashMap<>();
      ops.keySet().forEach(k -> perOp.put(k, new ArrayList<>()));
      for (int round = -2; round < rounds; round++) { // two warm-up rounds
        for (Map.Entry<String, Op> op : ops.entrySet()) {
          long start = threads.getCurrentThreadCpuTime();
          long n = 0;
          long used;
          do {
            for (int i = 0; i < 16; i++) {
              op.getValue().run(b, bh);
            }
            n += 16;
            used = threads.getCurrentThreadCpuTime() - start;
          } while (used < roundNanos);
          if (round >= 0) {
            perOp.get(op.getKey()).add(used / 1000.0 / n);
          }
        }
      }
      Map<String, Double> median = new LinkedHashMap<>();
      System.out.printf("%n%s (CPU µs/op, median of %d rounds; min-max)%n", payload, rounds);
      perOp.forEach((name, values) -> {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        median.put(name, v[v.length / 2]);
        System.out.printf("  %-32s %10.3f  (%.3f-%.3f)%n", name, v[v.length / 2], v[0], v[v.length - 1]);
      });
      System.out.printf("  kitValidateBytes / readTreePlusNetworknt          %.3f (target <= 0.5)%n",
          median.get("kitValidateBytes") / median.get("readTreePlusNetworknt"));
      System.out.printf("  kitVerifyDelivery / hmacPlusReadTreePlusNetworknt %.3f (target <= 0.6)%n",
          median.get("kitVerifyDelivery") / median.get("hmacPlusReadTreePlusNetworknt"));
      System.out.printf("  kitValidateBytes / floorTokenScan                 %.3f%n",
          median.get("kitValidateBytes") / median.get("floorTokenScan"));
      System.out.printf("  kitVerifyDelivery / floorHmacPlusTokenScan        %.3f%n",
          median.get("kitVerifyDelivery") / median.get("floorHmacPlusTokenScan"));
      System.out.printf("  compiledValidateParsed / networkntValidateParsed  %.3f%n",
          median.get("compiledValidateParsed") / median.get("networkntValidateParsed"));
    }
    System.out.println(Arrays.toString(ManagementFactory.getRuntimeMXBean().getInputArguments().toArray()));
  }
}
