-- KEYS[1] failure counter, KEYS[2] lock; ARGV: window ms, free attempts, base lock ms, max lock ms
-- Counts a failed login; from the free-attempts-th failure on, locks the name for base * 2^(extra failures) ms.
local failures = redis.call('INCR', KEYS[1])
if failures == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
local free = tonumber(ARGV[2])
if failures < free then
  return 0
end
local lock = math.min(tonumber(ARGV[3]) * (2 ^ (failures - free)), tonumber(ARGV[4]))
redis.call('SET', KEYS[2], '1', 'PX', lock)
redis.call('PEXPIRE', KEYS[1], math.max(tonumber(ARGV[1]), lock))
return lock
