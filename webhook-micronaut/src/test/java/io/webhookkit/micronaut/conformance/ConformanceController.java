package io.webhookkit.micronaut.conformance;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.form.FormUrlEncodedDecoder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.micronaut.WebhookEndpoint;
import io.webhookkit.test.ConformanceHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves the conformance endpoints the Micronaut way: {@code @Body byte[]}, form fields from the
 * framework's own form decoding, and the {@link WebhookEvent} parameter. The handler may block (the
 * kit holds it on a latch), so it runs on the blocking executor.
 */
@Requires(property = "test.conformance", value = "true")
@Controller("/hooks")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConformanceController {
  private final FormUrlEncodedDecoder forms;

  ConformanceController(FormUrlEncodedDecoder forms) {
    this.forms = forms;
  }

  private static HttpResponse<String> handle(
      String endpoint, WebhookEvent event, HttpRequest<?> request, byte @Nullable [] body) {
    return handle(endpoint, event, request, body, null);
  }

  private static HttpResponse<String> handle(
      String endpoint,
      WebhookEvent event,
      HttpRequest<?> request,
      byte @Nullable [] body,
      @Nullable Map<String, Object> fields) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    request.getParameters().forEach((k, v) -> parameters.put(k, new ArrayList<>(v)));
    boolean form =
        request
            .getContentType()
            .filter(t -> t.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE))
            .isPresent();
    if (form && fields != null) {
      fields.forEach(
          (k, v) ->
              parameters
                  .computeIfAbsent(k, x -> new ArrayList<>())
                  .addAll(
                      v instanceof List<?> l
                          ? l.stream().map(String::valueOf).toList()
                          : List.of(String.valueOf(v))));
    }
    int status =
        ConformanceHandler.shared()
            .handle(endpoint, event, body == null ? new byte[0] : body, parameters);
    return HttpResponse.<String>status(io.micronaut.http.HttpStatus.OK)
        .status(status)
        .body("handled " + status);
  }

  @WebhookEndpoint("github")
  @Post(uri = "/github", consumes = MediaType.ALL)
  HttpResponse<String> github(WebhookEvent e, HttpRequest<?> r, @Body byte @Nullable [] b) {
    return handle("github", e, r, b);
  }

  /** Slack sends JSON and forms; form fields through Micronaut's own form decoder. */
  @WebhookEndpoint("slack")
  @Post(uri = "/slack", consumes = MediaType.ALL)
  HttpResponse<String> slack(WebhookEvent e, HttpRequest<?> r, @Body byte @Nullable [] b) {
    Map<String, Object> fields =
        b == null
            ? null
            : forms.decode(new String(b, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    return handle("slack", e, r, b, fields);
  }

  /** Every other endpoint, by the name in its path. */
  @WebhookEndpoint("{name}")
  @Post(uri = "/{name}", consumes = MediaType.ALL)
  HttpResponse<String> byName(
      String name, WebhookEvent e, HttpRequest<?> r, @Body byte @Nullable [] b) {
    return handle(name, e, r, b);
  }
}
