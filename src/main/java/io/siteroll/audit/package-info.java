/**
 * 审计: the append-only, hash-chained audit trail of every change to registry data and of every
 * clear reveal of personal data. Entries never carry personal data in clear.
 */
@ApplicationModule(displayName = "Audit trail")
package io.siteroll.audit;

import org.springframework.modulith.ApplicationModule;
