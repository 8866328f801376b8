/** Use case: orders after a purchase: written durable, paid, cancelled when unpaid, released, archived, read. */
package io.flashsale.seckill.application.order;
