package io.webconnexkit.validator.badinput;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One case of the bad-input catalogue ({@code bad-input/catalogue.json}): an input the kit must
 * answer with a report, a message and an exit status, never an exception or a stack trace.
 *
 * @param id unique, stable name; test names show it
 * @param kind what the input is: {@link #BODY} (a request body or payload file), {@link #SIGNATURE}
 *     (an {@code X-Webconnex-Signature} value, checked against a valid body), {@link #HEADER} (the
 *     value of {@link #header()}, on an otherwise correct signed delivery) or {@link #ARGUMENTS}
 *     (a command line for the {@code webconnex} command)
 * @param through the entry points that run it: {@code library}, {@code cli}, {@code plugin}
 * @param profile {@code lenient} or {@code strict}
 * @param key the problem key the report must hold (as an error or a warning); null when the input
 *     must be valid (no error at all)
 * @param exit the {@code webconnex} exit status, for cases that run through the CLI
 * @param open by entry point, why the case is known to fail there today (an issue); that entry
 *     point's runner skips it, saying why, until the fix lands and the entry is removed
 * @param input the bytes of a body, the text of a signature or header (UTF-8), already generated
 * @param header the header a {@code header} case sets
 * @param filename the file name a runner writes a body to, when the name is part of the case
 * @param arguments the command line of an {@code arguments} case, with placeholders
 *     ({@code ${SECRET}}, {@code ${BODY}}, {@code ${FILE:name}}) left for the runner
 * @param files files an {@code arguments} case needs, by name, with {@code ${SECRET}} in their text
 * @param message the start of the message of the problem with {@link #key()}, when pinned
 * @param pointer the pointer of that problem, when pinned
 * @param line its line, when pinned (0: not pinned)
 * @param column its column, when pinned (0: not pinned)
 */
public record BadInputCase(
    String id,
    String kind,
    Set<String> through,
    String profile,
    String key,
    Integer exit,
    Map<String, String> open,
    byte[] input,
    String header,
    String filename,
    List<String> arguments,
    Map<String, String> files,
    String message,
    String pointer,
    int line,
    int column) {

  public static final String BODY = "body";
  public static final String SIGNATURE = "signature";
  public static final String HEADER = "header";
  public static final String ARGUMENTS = "arguments";

  public static final String LIBRARY = "library";
  public static final String CLI = "cli";
  public static final String PLUGIN = "plugin";

  /** Whether the entry point runs this case. */
  public boolean runsThrough(String entryPoint) {
    return through.contains(entryPoint);
  }

  /** Whether the input must be valid: no error at all (warnings allowed). */
  public boolean expectsValid() {
    return key == null;
  }

  public boolean strict() {
    return "strict".equals(profile);
  }

  /** The input as text, for signature and header cases. */
  public String text() {
    return new String(input, StandardCharsets.UTF_8);
  }

  /** Why the case is known to fail through this entry point today, if it is. */
  public Optional<String> openIssue(String entryPoint) {
    return Optional.ofNullable(open.get(entryPoint));
  }

  @Override
  public String toString() {
    return id;
  }
}
