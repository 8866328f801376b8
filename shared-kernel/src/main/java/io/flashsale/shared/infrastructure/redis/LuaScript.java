package io.flashsale.shared.infrastructure.redis;

import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * A Lua script run with EVALSHA. The SHA-1 is computed locally, so the script body crosses the wire only when the
 * server does not know it yet (first call, or after a Redis restart / SCRIPT FLUSH answered NOSCRIPT).
 */
public final class LuaScript {

    private final String source;
    private final String sha1;

    private LuaScript(String source) {
        this.source = source;
        this.sha1 = sha1Hex(source);
    }

    public static LuaScript fromClasspath(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Lua script not found: " + resource);
            }
            return new LuaScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LuaScript of(String source) {
        return new LuaScript(source);
    }

    public Object run(UnifiedJedis redis, List<String> keys, List<String> args) {
        try {
            return redis.evalsha(sha1, keys, args);
        } catch (JedisNoScriptException notLoaded) {
            if (keys.isEmpty()) {
                redis.scriptLoad(source);
            } else {
                redis.scriptLoad(source, keys.get(0));
            }
            return redis.evalsha(sha1, keys, args);
        }
    }

    /**
     * Runs the script once for each list of keys, all in one pipeline (one round trip to each node): periodic work
     * over many sales at once. Each run is as atomic as any script run; the runs are not one unit together.
     */
    public List<Object> runForEach(UnifiedJedis redis, List<List<String>> keysOfEach) {
        try {
            return pipelined(redis, keysOfEach);
        } catch (JedisDataException notLoaded) {
            if (notLoaded.getMessage() == null || !notLoaded.getMessage().startsWith("NOSCRIPT")) {
                throw notLoaded;
            }
            for (List<String> keys : keysOfEach) { // on the node of each key (a Redis Cluster has several)
                redis.scriptLoad(source, keys.get(0));
            }
            return pipelined(redis, keysOfEach);
        }
    }

    private List<Object> pipelined(UnifiedJedis redis, List<List<String>> keysOfEach) {
        List<Response<Object>> replies = new ArrayList<>(keysOfEach.size());
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (List<String> keys : keysOfEach) {
                replies.add(pipeline.evalsha(sha1, keys, List.of()));
            }
            pipeline.sync();
        }
        List<Object> results = new ArrayList<>(replies.size());
        for (Response<Object> reply : replies) {
            results.add(reply.get());
        }
        return results;
    }

    public String sha1() {
        return sha1;
    }

    private static String sha1Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
