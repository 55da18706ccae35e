/**
 * 演示数据: a synthetic province (valid-checksum synthetic identities, realistic names, projects spread
 * over the regions) loaded on first start, and sized up for benchmarks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo province")
package io.siteroll.demo;
