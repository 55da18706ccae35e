/**
 * 专项提升行动与联络人: the province's campaign as data — its phases with their dates (宣传自查自纠, 全面实施, 总结), its
 * targets (全覆盖, 人员考勤率达到80%以上, key managers on duty) and the day by which every department names its
 * contact — and the one responsible contact each department names (明确1名同志负责实名制管理工作), kept with every
 * change. The dashboard measures regions against the targets of the campaign in force and the notice names the
 * contacts, so both are here as an API of their own rather than figures written into those pages.
 */
@ApplicationModule(displayName = "Campaign and contacts")
package io.siteroll.campaign;

import org.springframework.modulith.ApplicationModule;
