-- Replaces an activity's cache content atomically (reconciliation) and ends its pause.
-- KEYS as in undo-purchase.lua; ARGV[1] units left, then per live order: user id, order id, "user id:quantity:millis:c"
redis.call('DEL', KEYS[2], KEYS[3])
redis.call('SET', KEYS[1], ARGV[1])
for i = 2, #ARGV, 3 do
  redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
  redis.call('HSET', KEYS[3], ARGV[i + 1], ARGV[i + 2])
end
redis.call('DEL', KEYS[4])
return 1
