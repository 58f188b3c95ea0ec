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
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * The {@value #NAME} server factory: WireMock's own Jetty 11 server, with one servlet filter in
 * front of the stubs and the admin API that answers a query string WireMock cannot decode (a
 * {@code %} not followed by two hex digits) with a {@code 400} and a JSON message, and logs it.
 *
 * <p>Why a server factory: WireMock decodes the query of every request before any extension sees
 * it (in {@code LoggedRequest}), and answers a bad escape with a Jetty 500 page naming
 * {@code IllegalArgumentException}. A servlet filter is the first place that can refuse the request
 * instead. The filter lets through exactly what WireMock can decode, so nothing else changes.
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

  /** Refuses what WireMock cannot decode; passes everything else on untouched. */
  static final class QueryCheck implements Filter {
    private final Notifier notifier;

    QueryCheck(Notifier notifier) {
      this.notifier = notifier;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      String query = request instanceof HttpServletRequest http ? http.getQueryString() : null;
      if (query == null || wireMockReads(query) || !(response instanceof HttpServletResponse out)) {
        chain.doFilter(request, response);
        return;
      }
      HttpServletRequest http = (HttpServletRequest) request;
      String message = QueryString.fault(query).orElse("query string: cannot be decoded; percent-encode the UTF-8 bytes"
          + " of each character, and write %25 for \"%\" itself");
      notifier.error("Webconnex mock refused " + http.getMethod() + " " + Text.quote(http.getRequestURI() + "?" + query)
          + " with 400: " + message);
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
}
