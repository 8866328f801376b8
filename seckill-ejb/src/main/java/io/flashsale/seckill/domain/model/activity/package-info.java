/** The activity (a flash sale of one product): its window rule, its units, and the values its ledger reports. */
package io.flashsale.seckill.domain.model.activity;
