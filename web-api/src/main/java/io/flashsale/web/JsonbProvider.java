package io.flashsale.web;

import io.flashsale.shared.infrastructure.json.JsonFormat;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** HTTP bodies use the platform's one JSON format (snake_case). */
@Provider
public class JsonbProvider implements ContextResolver<Jsonb> {

    @Override
    public Jsonb getContext(Class<?> type) {
        return JsonFormat.jsonb();
    }
}
