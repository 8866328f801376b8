-- One purchase, atomically: buyer limit, stock check, decrement, buyer record.
-- KEYS[1] stock counter, KEYS[2] buyers hash (user id -> order id); same hash tag, so Redis Cluster can run it.
-- ARGV[1] user id, ARGV[2] quantity, ARGV[3] per-user limit, ARGV[4] order id
-- Returns {outcome, value}: 0 accepted (value = units left), 1 sold out (value = units left),
-- 2 already purchased (value = the existing order id), 3 over the per-user limit, 4 not on sale (no stock key).
local existing = redis.call('HGET', KEYS[2], ARGV[1])
if existing then
  return {2, existing}
end
local quantity = tonumber(ARGV[2])
if quantity > tonumber(ARGV[3]) then
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
local left = redis.call('DECRBY', KEYS[1], quantity)
redis.call('HSET', KEYS[2], ARGV[1], ARGV[4])
return {0, tostring(left)}
