/**
 * 查找: one search box for everyone. It finds persons (by name, or by exact ID number through the person
 * registry's blind index), projects (by name or project code) and enterprises (by name or unified social credit
 * code), each through its own module's search and so within the same scope as the API. It owns no data; nothing
 * depends on it.
 */
@ApplicationModule(displayName = "Search")
package io.siteroll.search;

import org.springframework.modulith.ApplicationModule;
