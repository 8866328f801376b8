-- Ends a sale's pause without changing its copy, only if ARGV[1] still holds its maintenance lock (a rebuild that
-- gave up must not lift the pause of another that took the lock over).
-- KEYS[1] maintenance lock, KEYS[2] pause flag; one hash tag. Returns 1 when the pause was lifted.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[2])
end
return 0
