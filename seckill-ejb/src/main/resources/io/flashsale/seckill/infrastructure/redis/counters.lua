-- A sale's counters at one moment, O(1) whatever its size: what the periodic reconciliation compares with MySQL.
-- KEYS as in purchase.lua. Returns {units left or false, orders held, orders not yet claimed by the order writer,
-- units held or false (a copy warmed before the counter existed)}.
return {redis.call('GET', KEYS[1]), redis.call('HLEN', KEYS[3]), redis.call('ZCARD', KEYS[8]),
        redis.call('HGET', KEYS[6], 'held')}
