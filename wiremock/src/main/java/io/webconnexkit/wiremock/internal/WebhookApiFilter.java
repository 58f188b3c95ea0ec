package io.webconnexkit.wiremock.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * The {@value #NAME} request filter: answers Webconnex's public webhook logs API
 * ({@code /v2/public/webhooks/{id}/logs}, {@code .../logs/{logId}}, {@code .../resend/{logId}}) from
 * the mock's delivery log, and the mock-only "Send a Test" ({@code POST /__webconnex/webhooks/{id}/test/{kind}}).
 * Every other request goes on to WireMock's stubs. Not API: register it through {@code MockWebconnex}.
 */
public final class WebhookApiFilter implements StubRequestFilterV2 {

  /** The filter's name. */
  public static final String NAME = "webconnex-webhook-api";

  private final WebhookApi api;

  /** A filter over the mock's shared state. */
  public WebhookApiFilter(MockState state) {
    this.api = new WebhookApi(state, state.apiAccess());
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
    String url = request.getUrl();
    String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    if (!WebhookApi.handles(path)) {
      return RequestFilterAction.continueWith(request);
    }
    HttpHeader apiKey = request.header("apiKey");
    String key = apiKey != null && apiKey.isPresent() ? apiKey.firstValue() : null;
    return api.handle(request.getMethod().getName(), url, key)
        .map(r -> RequestFilterAction.stopWith(json(r.status(), r.body(), r.headers())))
        .orElseGet(() -> RequestFilterAction.continueWith(request));
  }

  static com.github.tomakehurst.wiremock.http.ResponseDefinition json(int status, String body) {
    return json(status, body, java.util.Map.of());
  }

  static com.github.tomakehurst.wiremock.http.ResponseDefinition json(int status, String body,
      java.util.Map<String, String> headers) {
    ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition()
        .withStatus(status)
        .withHeader("Content-Type", "application/json");
    headers.forEach(response::withHeader);
    return response.withBody(body).build();
  }
}
