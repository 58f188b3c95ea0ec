package io.webconnexkit.cli;

import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.validator.WebconnexSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code webconnex verify}: whether a body carries a good X-Webconnex-Signature. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    versionProvider = KitVersion.class,
    usageHelpAutoWidth = true,
    header = "Check an X-Webconnex-Signature against a body.",
    description = {
      "%nChecks a signature against the body's exact bytes (as received, before any JSON parsing) "
          + "and the webhook's signing secret, in constant time. Prints 'signature verified' or "
          + "'signature does not match'. The secret comes from an environment variable or a file, "
          + "never from the command line."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:The signature matches: prints 'signature verified'.",
      "1:It does not, or is not 64 hex digits: prints 'signature does not match'.",
      "2:Usage or I/O error: a missing file, an unset secret variable."
    },
    footerHeading = "%nExample:%n",
    footer = "  webconnex verify --secret-env WEBCONNEX_SECRET --signature 3f1c...e9 body.json")
final class VerifyCommand implements Callable<Integer> {

  @ParentCommand WebconnexCommand parent;

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  SecretOptions secret;

  @Option(
      names = "--signature",
      paramLabel = "HEX",
      required = true,
      description = "The X-Webconnex-Signature header value to check (64 hex digits).")
  String signature;

  @Parameters(paramLabel = "FILE", description = "The body as received, or - for standard input.")
  String file;

  @Override
  public Integer call() {
    SigningSecret key = secret.resolve(parent);
    Input input = Input.expandOne(file);
    String given = signature.trim();
    boolean matches;
    // Streamed: a body of any size is checked whole, in constant memory.
    try (InputStream body = input.open(parent.stdin())) {
      matches = WebconnexSignature.matches(key, body, given);
    } catch (IOException e) {
      throw input.readFailure(e);
    }
    PrintWriter out = spec.commandLine().getOut();
    int status;
    if (matches) {
      out.println("signature verified");
      status = WebconnexCommand.OK;
    } else {
      // The core's words: what is wrong (length, or which character where), invisible characters escaped.
      String malformed = WebconnexSignature.whyMalformed(given).map(why -> "--signature is not an HMAC-SHA256 signature: " + why)
          .orElse(null);
      out.println(malformed == null ? "signature does not match" : "signature does not match: " + Printable.escape(malformed));
      status = WebconnexCommand.INVALID;
    }
    out.flush();
    return status;
  }
}
