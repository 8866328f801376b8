-- Opens a sale's books: its units, only if none are there yet (warming a running sale again must not refill it),
-- and its terms. KEYS[1] stock counter, KEYS[2] the sale's metadata hash; one hash tag (one Redis Cluster slot).
-- ARGV[1] units, ARGV[2] per-buyer limit, ARGV[3] starts, ARGV[4] ends (epoch millis).
redis.call('SET', KEYS[1], ARGV[1], 'NX')
redis.call('HSET', KEYS[2], 'limit', ARGV[2], 'starts', ARGV[3], 'ends', ARGV[4])
return 1
