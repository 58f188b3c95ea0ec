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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code webconnex sign}: the X-Webconnex-Signature Webconnex would send with a body. */
@Command(
    name = "sign",
    mixinStandardHelpOptions = true,
    versionProvider = KitVersion.class,
    usageHelpAutoWidth = true,
    header = "Print the X-Webconnex-Signature of a body.",
    description = {
      "%nPrints the lowercase hex HMAC-SHA256 of the file's exact bytes, keyed with the webhook's "
          + "signing secret: the X-Webconnex-Signature Webconnex would send with it. The whole file is "
          + "signed, whatever its size, read as it goes in constant memory. "
          + "The secret comes from an environment variable or a file, never from the command line."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:The signature was printed.",
      "2:Usage or I/O error: a missing file, an unset secret variable."
    },
    footerHeading = "%nExample:%n",
    footer = "  WEBCONNEX_SECRET=... webconnex sign --secret-env WEBCONNEX_SECRET body.json")
final class SignCommand implements Callable<Integer> {

  @ParentCommand WebconnexCommand parent;

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  SecretOptions secret;

  @Parameters(paramLabel = "FILE", description = "The body to sign, or - for standard input.")
  String file;

  @Override
  public Integer call() {
    SigningSecret key = secret.resolve(parent);
    Input input = Input.expandOne(file);
    String signature;
    // Streamed: a body of any size is signed whole, in constant memory.
    try (InputStream body = input.open(parent.stdin())) {
      signature = WebconnexSignature.sign(key, body);
    } catch (IOException e) {
      throw input.readFailure(e);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(signature);
    out.flush();
    return WebconnexCommand.OK;
  }
}
