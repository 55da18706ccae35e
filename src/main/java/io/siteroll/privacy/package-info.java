/**
 * 个人信息保护: encryption at rest of personal data (SM4-GCM), the blind index used to find a person
 * by ID number (HMAC-SM3), masking for screens, exports and logs, and the audited clear reveal.
 */
@ApplicationModule(displayName = "Personal data protection")
package io.siteroll.privacy;

import org.springframework.modulith.ApplicationModule;
