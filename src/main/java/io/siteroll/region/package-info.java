/**
 * 行政区划: Jilin's GB/T 2260 divisions plus the supervisory regions (长春新区, 长白山管委会), and the
 * tree used to scope what each officer sees.
 */
@ApplicationModule(displayName = "Regions")
package io.siteroll.region;

import org.springframework.modulith.ApplicationModule;
