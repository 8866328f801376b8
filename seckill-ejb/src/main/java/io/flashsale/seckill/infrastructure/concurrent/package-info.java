/** Executors the seckill context runs asynchronous callbacks on. */
package io.flashsale.seckill.infrastructure.concurrent;
