/**
 * 演示数据: a synthetic province (valid-checksum synthetic identities, realistic names, projects spread
 * over the regions) loaded on first start with its previous month and this one told through the platform's own
 * services (gates, passes, evaluation, warnings, orders, penalties), and sized up for benchmarks.
 */
@ApplicationModule(displayName = "Demo province")
package io.siteroll.demo;

import org.springframework.modulith.ApplicationModule;
