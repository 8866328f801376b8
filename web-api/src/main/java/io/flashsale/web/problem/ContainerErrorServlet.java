package io.flashsale.web.problem;

import io.flashsale.shared.infrastructure.json.JsonFormat;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.ws.rs.core.Response;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The application's error page (web.xml) for answers the container sends without JAX-RS: a path no resource serves,
 * a Content-Type it cannot parse, a 401 or 403 of the container's security: problem+json instead of Payara's HTML
 * page (which names the server and its version).
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
            Response.StatusType known = Response.Status.fromStatusCode(status);
            problem.put("type", status == 404 ? "/problems/not-found" : "/problems/http-" + status);
            problem.put("title", known == null ? "HTTP " + status : known.getReasonPhrase());
            problem.put("status", status);
        }
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE); // JSON is UTF-8 by definition: no charset parameter
        response.getOutputStream().write(JsonFormat.toJson(problem).getBytes(StandardCharsets.UTF_8));
    }
}
