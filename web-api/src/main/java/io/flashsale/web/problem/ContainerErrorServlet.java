package io.flashsale.web.problem;

import io.flashsale.shared.infrastructure.json.JsonFormat;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Error page for answers the container sends before JAX-RS sees the request, chiefly the 401 of the MP-JWT
 * mechanism for an expired, tampered or foreign token: problem+json instead of Payara's HTML page.
 */
@WebServlet("/container-error")
public class ContainerErrorServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : response.getStatus();
        Map<String, Object> problem = new LinkedHashMap<>();
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            problem.put("type", "/problems/unauthorized");
            problem.put("title", "Unauthorized");
            problem.put("status", status);
            problem.put("detail", "a valid bearer token is required (missing, expired, tampered or not ours)");
            response.setHeader("WWW-Authenticate", "Bearer");
        } else {
            problem.put("type", "/problems/http-" + status);
            problem.put("title", "HTTP " + status);
            problem.put("status", status);
        }
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE); // JSON is UTF-8 by definition: no charset parameter
        response.getOutputStream().write(JsonFormat.toJson(problem).getBytes(StandardCharsets.UTF_8));
    }
}
