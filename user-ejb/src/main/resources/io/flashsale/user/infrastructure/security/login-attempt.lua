-- KEYS[1] attempt counter, KEYS[2] lock; ARGV: window ms, free attempts, base lock ms, max lock ms
-- Takes one login attempt, check and count in one step: while locked it is refused (returns the lock's remaining ms);
-- otherwise it is counted, and an attempt past the free ones sets a lock that doubles with each further attempt and
-- is refused as well. Returns 0 when the attempt may go on to the password check.
local locked = redis.call('PTTL', KEYS[2])
if locked > 0 then
  return locked
end
local attempts = redis.call('INCR', KEYS[1])
if attempts == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
local free = tonumber(ARGV[2])
if attempts <= free then
  return 0
end
local lock = math.min(tonumber(ARGV[3]) * (2 ^ (attempts - free - 1)), tonumber(ARGV[4]))
redis.call('SET', KEYS[2], '1', 'PX', lock)
redis.call('PEXPIRE', KEYS[1], math.max(tonumber(ARGV[1]), 2 * lock))
return lock
