/** Use case: setting up an activity, warming it into Redis, settling it, and the periodic housekeeping. */
package io.flashsale.seckill.application.activity;
