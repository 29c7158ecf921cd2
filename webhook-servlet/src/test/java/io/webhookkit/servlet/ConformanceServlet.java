package io.webhookkit.servlet;

import io.webhookkit.test.ConformanceHandler;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The application behind the conformance endpoints, written as a plain servlet would be: it reads
 * the parameters and the body the servlet way and answers with the handler's status.
 */
public class ConformanceServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String endpoint = req.getRequestURI().substring("/hooks/".length());
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    req.getParameterMap().forEach((k, v) -> parameters.put(k, List.of(v)));
    byte[] body = req.getInputStream().readAllBytes();
    int status =
        ConformanceHandler.shared()
            .handle(endpoint, WebhookFilter.event(req).orElse(null), body, parameters);
    resp.setStatus(status);
    resp.setContentType("text/plain");
    resp.getOutputStream().write(("handled " + status).getBytes(StandardCharsets.UTF_8));
  }
}
