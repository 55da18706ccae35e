/**
 * 项目: projects, their participating units (参建单位), the construction calendar (开工, 停工/复工, 竣工)
 * and the answer to "which days are construction days (施工日)", and who may see or manage a project.
 */
@ApplicationModule(displayName = "Projects")
package io.siteroll.project;

import org.springframework.modulith.ApplicationModule;
