package io.flashsale.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Assertions on RFC 9457 problem answers. */
public final class Problems {

    private Problems() {
    }

    public static void assertProblem(int status, Http.Reply reply) {
        assertProblem(status, null, reply);
    }

    /** The status, the problem+json media type, and the problem type when one is given. */
    public static void assertProblem(int status, String type, Http.Reply reply) {
        assertEquals(status, reply.status(), reply.body());
        assertEquals("application/problem+json", reply.contentType(), reply.body());
        assertEquals(status, reply.json().getInt("status"));
        if (type != null) {
            assertEquals(type, reply.json().getString("type"));
        }
    }
}
