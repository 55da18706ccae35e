/**
 * 账户与权限: accounts, roles, their regional, enterprise and project scope, and login.
 */
@ApplicationModule(displayName = "Identity and access")
package io.siteroll.identity;

import org.springframework.modulith.ApplicationModule;
