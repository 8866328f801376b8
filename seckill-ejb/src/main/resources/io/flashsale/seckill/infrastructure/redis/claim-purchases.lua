-- The order writer claims purchases before making them durable, so that a purchase whose Kafka send timed out and
-- was undone is never written, and a claimed one is never undone by its (slow) sender.
-- KEYS as in purchase.lua; ARGV order ids. Returns, per order id: 1 held (now claimed), 0 undone (must not be
-- written), 2 unknown (Redis lost it, e.g. restarted without persistence: the buyer was told 202, so write it).
local result = {}
for i = 1, #ARGV do
  local held = redis.call('HGET', KEYS[3], ARGV[i])
  if held then
    if string.sub(held, -2) ~= ':c' then
      redis.call('HSET', KEYS[3], ARGV[i], held .. ':c')
      redis.call('ZREM', KEYS[8], ARGV[i])
    end
    result[i] = 1
  elseif redis.call('SISMEMBER', KEYS[5], ARGV[i]) == 1 then
    result[i] = 0
  else
    result[i] = 2
  end
end
return result
