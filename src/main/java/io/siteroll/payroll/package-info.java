/**
 * 工资专户 and 工资支付: the project's wage account (农民工工资专用账户) with the labour-cost allocations into it and
 * the wage guarantee (工资保证金), the monthly wage tables (工资表) checked line by line against real-name
 * registration, the bank disbursement file (代发文件) and the bank's result (回单), kept as the wage ledger
 * (工资支付台账).
 * <p>
 * Why a module of its own rather than part of {@code project}: the wage account is where the money is, and the
 * money's rules (who may be paid, to which card, from which table) are payroll's, not the project calendar's. It
 * reads personnel (who is registered and engaged, their cards on file) and attendance (valid days) through their
 * public API and read models, and nothing reads payroll's tables.
 */
@ApplicationModule(displayName = "Payroll")
package io.siteroll.payroll;

import org.springframework.modulith.ApplicationModule;
