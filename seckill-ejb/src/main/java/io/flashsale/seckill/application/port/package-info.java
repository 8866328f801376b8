/** Ports: interfaces the seckill application calls and infrastructure implements (repositories are in the domain). */
package io.flashsale.seckill.application.port;
