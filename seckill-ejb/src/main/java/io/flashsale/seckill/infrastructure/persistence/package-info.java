/** JPA repositories of the seckill context (EclipseLink on MySQL, JTA-managed). */
package io.flashsale.seckill.infrastructure.persistence;
