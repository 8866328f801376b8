-- Compensation of purchase.lua: only if the buyer still holds exactly this order, so it runs at most once.
-- KEYS[1] stock counter, KEYS[2] buyers hash; ARGV[1] user id, ARGV[2] quantity, ARGV[3] order id
-- Returns the units left after the undo, or -1 when there was nothing to undo.
if redis.call('HGET', KEYS[2], ARGV[1]) == ARGV[3] then
  redis.call('HDEL', KEYS[2], ARGV[1])
  return redis.call('INCRBY', KEYS[1], ARGV[2])
end
return -1
