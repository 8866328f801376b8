-- Replaces an activity's cache content atomically (reconciliation) and ends its pause, if the caller still holds the
-- activity's maintenance lock (fencing: a rebuild whose lock expired while it waited changes nothing).
-- KEYS as in purchase.lua (KEYS[7] the maintenance lock, KEYS[8] the unclaimed holds: none after a rebuild);
-- ARGV[1] the caller's lock token, ARGV[2] units left, then per live order: user id, order id, "user id:quantity:millis:c". Returns 1 done, 0 fenced off.
if redis.call('GET', KEYS[7]) ~= ARGV[1] then
  return 0
end
redis.call('DEL', KEYS[2], KEYS[3], KEYS[8])
redis.call('SET', KEYS[1], ARGV[2])
for i = 3, #ARGV, 3 do
  redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
  redis.call('HSET', KEYS[3], ARGV[i + 1], ARGV[i + 2])
end
redis.call('DEL', KEYS[4])
return 1
