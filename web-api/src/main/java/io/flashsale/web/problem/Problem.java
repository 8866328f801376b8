package io.flashsale.web.problem;

import io.flashsale.shared.infrastructure.json.JsonFormat;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;

/** An RFC 9457 problem document; {@code type} is a relative URI under {@code /problems/}. */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private final Map<String, Object> members = new LinkedHashMap<>();
    private final int status;

    private Problem(int status, String type, String title, String detail) {
        this.status = status;
        members.put("type", "/problems/" + type);
        members.put("title", title);
        members.put("status", status);
        if (detail != null) {
            members.put("detail", detail);
        }
    }

    public static Problem of(int status, String type, String title, String detail) {
        return new Problem(status, type, title, detail);
    }

    public Problem with(String member, Object value) {
        members.put(member, value);
        return this;
    }

    public Problem with(Map<String, Object> extra) {
        members.putAll(extra);
        return this;
    }

    public Response.ResponseBuilder toResponseBuilder() {
        return Response.status(status).type(MEDIA_TYPE).entity(JsonFormat.toJson(members));
    }

    public Response toResponse() {
        return toResponseBuilder().build();
    }
}
