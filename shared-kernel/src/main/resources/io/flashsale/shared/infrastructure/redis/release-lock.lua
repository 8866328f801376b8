-- Compare-and-delete: only the holder of the token may delete the lock.
-- KEYS[1] lock key; ARGV[1] the holder's token. Returns 1 when deleted, 0 when the lock is not (or no longer) ours.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
