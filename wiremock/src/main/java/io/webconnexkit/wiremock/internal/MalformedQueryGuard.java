package io.webconnexkit.wiremock.internal;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.common.Urls;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.DefaultFactory;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.HttpServerFactoryLoader;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Optional;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * The {@value #NAME} server factory: WireMock's own Jetty 11 server, with one servlet filter in
 * front of the stubs and the admin API that answers a request WireMock cannot read with a
 * {@code 400} and a JSON message {@code {"responseCode": 400, "error": {"message": "..."}}}, and logs
 * it: a query string with a {@code %} not followed by two hex digits, a Content-Type naming a
 * charset Java does not know, a form body that is not percent-encoding, a gzip body that does not
 * decompress.
 *
 * <p>Why a server factory: WireMock decodes every request (its query, and for forms its body) before
 * any extension sees it, in {@code LoggedRequest} and its servlet request adapter, and answers such a
 * request with a Jetty 500 page naming a Java exception. A servlet filter is the first place that can
 * refuse it instead. The query and charset are checked before WireMock runs, exactly as WireMock
 * would read them; a body WireMock fails to read is refused when the failure comes from reading it
 * and nothing has been sent yet. Everything else passes untouched.
 *
 * <p>It is a {@link DefaultFactory}: when another {@code HttpServerFactory} extension is registered,
 * WireMock uses that one, and the guard steps aside. Without Jetty 11 on the classpath it builds the
 * server WireMock would have built. Not API: register it through {@code MockWebconnex}.
 */
public final class MalformedQueryGuard implements HttpServerFactory, DefaultFactory {

  /** The factory's name. */
  public static final String NAME = "webconnex-malformed-query-guard";

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public HttpServer buildHttpServer(Options options, AdminRequestHandler adminRequestHandler,
      StubRequestHandler stubRequestHandler) {
    if (!HttpServerFactoryLoader.isJetty11()) {
      HttpServerFactory fallback = HttpServerFactoryLoader.systemServiceLoader().get().stream().findFirst()
          .orElseGet(options::httpServerFactory);
      return fallback.buildHttpServer(options, adminRequestHandler, stubRequestHandler);
    }
    return new Jetty11HttpServer(options, adminRequestHandler, stubRequestHandler) {
      @Override
      protected void decorateMockServiceContextBeforeConfig(ServletContextHandler context) {
        guard(context, options.notifier());
      }

      @Override
      protected void decorateAdminServiceContextBeforeConfig(ServletContextHandler context) {
        guard(context, options.notifier());
      }
    };
  }

  private static void guard(ServletContextHandler context, Notifier notifier) {
    context.addFilter(new FilterHolder(new QueryCheck(notifier)), "/*", EnumSet.of(DispatcherType.REQUEST));
  }

  /** Whether WireMock can decode this raw query string as it decodes every request's. */
  static boolean wireMockReads(String rawQuery) {
    try {
      Urls.splitQuery(rawQuery);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Refuses what WireMock cannot read; passes everything else on untouched. */
  static final class QueryCheck implements Filter {
    private final Notifier notifier;

    QueryCheck(Notifier notifier) {
      this.notifier = notifier;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse out)) {
        chain.doFilter(request, response);
        return;
      }
      String query = http.getQueryString();
      if (query != null && !wireMockReads(query)) {
        refuse(http, out, QueryString.fault(query).orElse("query string: cannot be decoded; percent-encode the UTF-8 bytes"
            + " of each character, and write %25 for \"%\" itself"));
        return;
      }
      Optional<String> charset = unknownCharset(http.getHeader("Content-Type"));
      if (charset.isPresent()) {
        refuse(http, out, "Content-Type names the charset " + Text.quote(charset.get())
            + ", which this server cannot decode; send UTF-8, as Webconnex does");
        return;
      }
      try {
        chain.doFilter(request, response);
      } catch (RuntimeException e) {
        Optional<String> why = unreadableBody(e);
        if (why.isEmpty() || out.isCommitted()) {
          throw e;
        }
        out.resetBuffer();
        refuse(http, out, why.get());
      }
    }

    private void refuse(HttpServletRequest http, HttpServletResponse out, String message) throws IOException {
      String query = http.getQueryString();
      notifier.error("Webconnex mock refused " + http.getMethod() + " "
          + Text.quote(http.getRequestURI() + (query == null ? "" : "?" + query)) + " with 400: " + message);
      ObjectNode body = JsonMapper.builder().build().createObjectNode();
      body.put("responseCode", 400);
      body.putObject("error").put("message", message);
      byte[] bytes = body.toPrettyString().getBytes(StandardCharsets.UTF_8);
      out.setStatus(400);
      out.setContentType("application/json");
      out.setContentLength(bytes.length);
      out.getOutputStream().write(bytes);
    }
  }

  /** The charset a Content-Type names that Java cannot decode, when it names one. */
  static Optional<String> unknownCharset(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    for (String parameter : contentType.split(";")) {
      int eq = parameter.indexOf('=');
      if (eq > 0 && parameter.substring(0, eq).trim().equalsIgnoreCase("charset")) {
        String name = parameter.substring(eq + 1).trim();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
          name = name.substring(1, name.length() - 1);
        }
        try {
          if (!Charset.isSupported(name)) {
            return Optional.of(name);
          }
        } catch (IllegalArgumentException illegalName) {
          return Optional.of(name);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Why WireMock could not read a request body, when that is what the exception says: it was thrown
   * while WireMock's request adapter read the body (a form body that is not percent-encoding, a gzip
   * body that does not decompress). Anything else is not the client's fault and is not hidden.
   */
  static Optional<String> unreadableBody(Throwable error) {
    for (Throwable e = error; e != null; e = e.getCause()) {
      for (StackTraceElement frame : e.getStackTrace()) {
        String type = frame.getClassName();
        if (type.equals("com.github.tomakehurst.wiremock.common.Gzip")) {
          return Optional.of("the body cannot be decompressed: it is sent as gzip (Content-Encoding: gzip, or the gzip"
              + " magic bytes at its start) but is not gzip");
        }
        if (type.equals("org.eclipse.jetty.util.UrlEncoded")) {
          return Optional.of("the form body (application/x-www-form-urlencoded) is not percent-encoding: \"%\" must be"
              + " followed by two hex digits, and the bytes must be of the charset the Content-Type names (UTF-8 by default)");
        }
        if (type.equals("com.github.tomakehurst.wiremock.servlet.WireMockHttpServletRequestAdapter")) {
          break;
        }
      }
    }
    return Optional.empty();
  }
}
