/** The cluster lease (a row in MySQL: one instance at a time runs a job) and the leased jobs' base, LeasedJob. */
package io.flashsale.seckill.infrastructure.scheduling;
