-- One purchase, atomically: pause check, sale window, buyer limit, stock check, decrement, buyer and order record.
-- KEYS[1] stock counter, KEYS[2] buyers hash (user id -> order id), KEYS[3] orders hash
-- (order id -> "user id:quantity:accepted at millis"), KEYS[4] pause flag, KEYS[5] undone order ids, KEYS[6] the
-- sale's metadata hash (limit, starts, ends, expires in epoch millis; held = units the orders hash holds), KEYS[7]
-- maintenance lock (unused here), KEYS[8] unclaimed holds (sorted set: order id scored by accepted at); one hash tag,
-- so Redis Cluster can run it. A key this script creates gets the sale's expiry, like every key of the sale.
-- ARGV[1] user id, ARGV[2] quantity, ARGV[3] per-user limit (used when there is no metadata), ARGV[4] order id,
-- ARGV[5] accepted at (epoch millis)
-- Returns {outcome, value}: 0 accepted (value = units left), 1 sold out (value = units left),
-- 2 already purchased (value = the existing order id), 3 over the per-user limit, 4 not on sale (no stock key),
-- 5 paused for a rebuild, 6 outside the sale's window.
if redis.call('EXISTS', KEYS[4]) == 1 then
  return {5, ''}
end
local limit = tonumber(ARGV[3])
local meta = redis.call('HMGET', KEYS[6], 'limit', 'starts', 'ends', 'held', 'expires')
if meta[1] then
  local at = tonumber(ARGV[5])
  if at < tonumber(meta[2]) or at >= tonumber(meta[3]) then
    return {6, ''}
  end
  limit = tonumber(meta[1])
end
local existing = redis.call('HGET', KEYS[2], ARGV[1])
if existing then
  return {2, existing}
end
local quantity = tonumber(ARGV[2])
if quantity > limit then
  return {3, ''}
end
local stock = redis.call('GET', KEYS[1])
if not stock then
  return {4, ''}
end
stock = tonumber(stock)
if stock < quantity then
  return {1, tostring(stock)}
end
local created = meta[5] and redis.call('EXISTS', KEYS[2], KEYS[8]) < 2
local left = redis.call('DECRBY', KEYS[1], quantity)
redis.call('HSET', KEYS[2], ARGV[1], ARGV[4])
redis.call('HSET', KEYS[3], ARGV[4], ARGV[1] .. ':' .. ARGV[2] .. ':' .. ARGV[5])
redis.call('ZADD', KEYS[8], ARGV[5], ARGV[4])
if meta[4] then
  redis.call('HINCRBY', KEYS[6], 'held', quantity)
end
if created then
  redis.call('PEXPIREAT', KEYS[2], meta[5])
  redis.call('PEXPIREAT', KEYS[3], meta[5])
  redis.call('PEXPIREAT', KEYS[8], meta[5])
end
return {0, tostring(left)}
