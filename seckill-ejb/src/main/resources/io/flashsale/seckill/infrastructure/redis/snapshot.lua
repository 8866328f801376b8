-- Reads the stock counter and every held purchase at one moment (a script runs alone), for reconciliation.
-- KEYS[1] stock counter, KEYS[2] orders hash; one hash tag. Returns {stock or nil, {order id, value, ...}}.
return {redis.call('GET', KEYS[1]), redis.call('HGETALL', KEYS[2])}
