/** 企业: enterprises keyed by their unified social credit code (统一社会信用代码). */
@ApplicationModule(displayName = "Enterprises")
package io.siteroll.enterprise;

import org.springframework.modulith.ApplicationModule;
