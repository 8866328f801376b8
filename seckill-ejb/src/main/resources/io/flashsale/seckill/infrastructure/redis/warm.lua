-- Opens a sale's books: its units, only if none are there yet (warming a running sale again must not refill it),
-- its terms and the held-units counter (0 for a new sale), and gives the sale's keys their expiry: a sale never
-- settled (its keys are deleted when it is) does not stay in Redis for ever.
-- KEYS[1] stock counter, KEYS[2] the sale's metadata hash; one hash tag (one Redis Cluster slot).
-- ARGV[1] units, ARGV[2] per-buyer limit, ARGV[3] starts, ARGV[4] ends, ARGV[5] expires (epoch millis).
if redis.call('SET', KEYS[1], ARGV[1], 'NX') then
  redis.call('HSETNX', KEYS[2], 'held', 0)
end
redis.call('HSET', KEYS[2], 'limit', ARGV[2], 'starts', ARGV[3], 'ends', ARGV[4], 'expires', ARGV[5])
redis.call('PEXPIREAT', KEYS[1], ARGV[5])
redis.call('PEXPIREAT', KEYS[2], ARGV[5])
return 1
