/**
 * The activity's stock ledger in Redis ({@link io.flashsale.seckill.infrastructure.redis.RedisStockLedger}): Lua
 * scripts run each step of a purchase's life atomically, so Redis never sells a unit twice.
 *
 * <h2>Keys of activity {@code <id>}</h2>
 * Every key carries the hash tag {@code {a<id>}}: an activity lives in one Redis Cluster slot, and a script may touch
 * all its keys. Every key expires {@code flashsale.seckill.cache-retention-hours} after the activity's last payment is
 * due; settlement unlinks them sooner.
 * <ul>
 *   <li>{@code sk:{a<id>}:stock} units left (a string counter);</li>
 *   <li>{@code sk:{a<id>}:meta} hash: per-buyer {@code limit}, {@code starts}, {@code ends}, {@code expires} (epoch
 *       millis) and {@code held}, the units the orders hash holds;</li>
 *   <li>{@code sk:{a<id>}:buyers} hash: buyer id → order id (one live purchase per buyer);</li>
 *   <li>{@code sk:{a<id>}:orders} hash: order id → {@code buyer:quantity:accepted-at millis[:c]} ({@code c} once
 *       the order writer claimed it);</li>
 *   <li>{@code sk:{a<id>}:unclaimed} sorted set: order ids the order writer has not claimed yet, by accepted-at;</li>
 *   <li>{@code sk:{a<id>}:undone} set: order ids undone (a purchase is undone at most once, never after its claim);</li>
 *   <li>{@code sk:{a<id>}:paused} flag (purchases refused while a rebuild or settlement runs) and
 *       {@code sk:{a<id>}:maintenance} lock (the token of the one rebuild or settlement running);</li>
 *   <li>{@code sk:{a<id>}:rebuild:<token>:buyers|orders} staging hashes a rebuild fills before renaming them in.</li>
 * </ul>
 *
 * <h2>What each script guarantees</h2>
 * <ul>
 *   <li>{@code warm.lua}: sets the units only if none are there (a running activity is never refilled), the terms,
 *       {@code held} 0 for a new activity, and the expiry;</li>
 *   <li>{@code purchase.lua}: pause, window, per-buyer limit and stock checked and the units taken, buyer, order,
 *       {@code held} and unclaimed entry written, all or nothing;</li>
 *   <li>{@code claim-purchases.lua}: the order writer claims before writing, so an undone purchase is never written
 *       and a claimed one is never undone;</li>
 *   <li>{@code undo-purchase.lua}: the inverse of a purchase, at most once per order;</li>
 *   <li>{@code counters.lua}: units left, orders held, unclaimed orders and units held at one moment, O(1);</li>
 *   <li>{@code rebuild.lua}: replaces the copy with MySQL's (staged hashes renamed in, old ones unlinked) and ends the
 *       pause, only while the caller still holds the maintenance lock;</li>
 *   <li>{@code resume.lua}: ends the pause only for the lock's holder.</li>
 * </ul>
 */
package io.flashsale.seckill.infrastructure.redis;
