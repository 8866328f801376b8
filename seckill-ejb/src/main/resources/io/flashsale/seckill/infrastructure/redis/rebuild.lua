-- Replaces an activity's cache content atomically (reconciliation) and ends its pause, if the caller still holds the
-- activity's maintenance lock (fencing: a rebuild whose lock expired while it waited changes nothing).
-- KEYS as in purchase.lua (KEYS[7] the maintenance lock, KEYS[8] the unclaimed holds: none after a rebuild), then
-- KEYS[9] and KEYS[10] the new buyers and orders hashes, filled beforehand in chunks by the caller (absent when the
-- sale has no live order); ARGV[1] the caller's lock token, ARGV[2] units left, ARGV[3] units the live orders hold.
-- The old hashes are unlinked (freed off Redis's main thread) and the new ones renamed into place: O(1) here,
-- however many buyers the sale has. Returns 1 done, 0 fenced off.
if redis.call('GET', KEYS[7]) ~= ARGV[1] then
  return 0
end
redis.call('UNLINK', KEYS[2], KEYS[3], KEYS[8])
if redis.call('EXISTS', KEYS[9]) == 1 then
  redis.call('RENAME', KEYS[9], KEYS[2])
  redis.call('RENAME', KEYS[10], KEYS[3])
end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('HSET', KEYS[6], 'held', ARGV[3])
local expires = redis.call('HGET', KEYS[6], 'expires')
if expires then
  for _, key in ipairs({KEYS[1], KEYS[2], KEYS[3], KEYS[6]}) do
    redis.call('PEXPIREAT', key, expires)
  end
end
redis.call('DEL', KEYS[4])
return 1
