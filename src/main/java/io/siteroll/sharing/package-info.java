/**
 * 数据共享: agreements under which another department (人社 for wages, 公安, a city's own system) reads the platform's
 * data. A province officer enters the department's application (purpose, legal basis, data sets and fields, regions,
 * period, contact, rate limit) and approves or rejects it; approval issues the consumer's client id and secret. The
 * consumer then reads {@code /api/sharing/{dataset}} with requests signed like the gates' ({@code DeviceSignature}),
 * and gets only the granted fields of the granted regions, personal data masked unless granted in clear (then
 * audited per record). Every request, served or refused, is in the access log, summed per month.
 */
@ApplicationModule(displayName = "Data sharing")
package io.siteroll.sharing;

import org.springframework.modulith.ApplicationModule;
