/**
 * 合规: rule sets as data (吉建管〔2021〕6号 by default, 吉建规〔2023〕11号 available), adopted from a
 * month; the monthly evaluation of rules R1 (devices), R2 (managers on duty) and R3 (workers'
 * shortfall), set-based over the construction calendar and daily presence; findings with their legal
 * basis, measure and evidence, and their history when a corrected input changes them.
 */
@ApplicationModule(displayName = "Compliance")
package io.siteroll.compliance;

import org.springframework.modulith.ApplicationModule;
