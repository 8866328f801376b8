-- Inverse of purchase.lua, at most once per order: gives the units back and forgets the buyer (and the units held).
-- KEYS as in purchase.lua (KEYS[5] the set of undone order ids, KEYS[8] the unclaimed holds); ARGV[1] user id,
-- ARGV[2] order id, ARGV[3] '1' to undo even a purchase the order writer already claimed (a cancelled order), '0'
-- otherwise (a failed Kafka send, a stranded hold).
-- Returns the units left after the undo, -1 when there was nothing to undo, -2 when the order writer claimed the
-- purchase first (it is durable: the caller must not report it as failed).
if redis.call('HGET', KEYS[2], ARGV[1]) ~= ARGV[2] then
  return -1
end
local held = redis.call('HGET', KEYS[3], ARGV[2])
if held and ARGV[3] ~= '1' and string.sub(held, -2) == ':c' then
  return -2
end
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[2])
redis.call('ZREM', KEYS[8], ARGV[2])
local meta = redis.call('HMGET', KEYS[6], 'held', 'expires')
if ARGV[3] ~= '1' then
  redis.call('SADD', KEYS[5], ARGV[2])
  if meta[2] then
    redis.call('PEXPIREAT', KEYS[5], meta[2])
  end
end
local quantity = 0
if held then
  quantity = tonumber(string.match(held, '^%d+:(%d+):'))
  if meta[1] then
    redis.call('HINCRBY', KEYS[6], 'held', -quantity)
  end
end
return redis.call('INCRBY', KEYS[1], quantity)
