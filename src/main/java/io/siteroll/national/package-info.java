/**
 * 全国平台对接: the national construction-worker platform's interface (全国建筑工人管理服务信息平台, {@code open.api}) as
 * SiteRoll speaks it: the signed form envelope, the field encryption of identity and bank numbers, the method
 * catalogue with its upload order and the asynchronous write protocol (docs/national-platform.md).
 * <p>
 * This package holds the protocol itself, free of the registry, so that both directions (SiteRoll reporting to the
 * national platform, and enterprise labour systems reporting to SiteRoll in the national format) and the simulator
 * the tests run against share one definition of the envelope and its signature.
 */
@ApplicationModule(displayName = "National platform")
package io.siteroll.national;

import org.springframework.modulith.ApplicationModule;
