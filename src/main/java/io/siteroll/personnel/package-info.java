/**
 * 人员: one record per identity (一数一源), manager posts with tenure (管理人员到岗), teams (班组), worker
 * engagements with labour contract and wage card (进场/退场), and the roster import (花名册).
 */
@ApplicationModule(displayName = "Personnel")
package io.siteroll.personnel;

import org.springframework.modulith.ApplicationModule;
