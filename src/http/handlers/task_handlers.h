// Handlers of the management loop (issue 19): plans, breakdown items, progress reports, the work
// queue, supervision (督查督办), leaders' instructions (批示) and the annual assessment of units.
#pragma once
#include "http/handlers/services.h"
#include "http/router.h"

namespace parkhq::http::handlers {

extern const RoleSet kLoopReaders;  // sysadmin, park_admin, department, leader (not enterprises)

StatusOr<Response> ListTaskPlans(RequestContext& ctx, const Services& s);
StatusOr<Response> CopyTaskPlan(RequestContext& ctx, const Services& s);    // task_plan_handlers.cc
StatusOr<Response> UpdateTaskPlan(RequestContext& ctx, const Services& s);  // task_plan_handlers.cc
StatusOr<Response> ListPlanTasks(RequestContext& ctx, const Services& s);   // task_plan_handlers.cc
StatusOr<Response> CreatePlanTask(RequestContext& ctx, const Services& s);
StatusOr<Response> UpdatePlanTask(RequestContext& ctx, const Services& s);
StatusOr<Response> DeletePlanTask(RequestContext& ctx, const Services& s);
StatusOr<Response> TaskPlanTemplate(RequestContext& ctx, const Services& s);
StatusOr<Response> ExportTaskPlan(RequestContext& ctx, const Services& s);
StatusOr<Response> ImportTaskPlan(RequestContext& ctx, const Services& s);
// task_attachment_handlers.cc
StatusOr<Response> AddTaskAttachment(RequestContext& ctx, const Services& s);
StatusOr<Response> ListTaskAttachments(RequestContext& ctx, const Services& s);
StatusOr<Response> DownloadTaskAttachment(RequestContext& ctx, const Services& s);
StatusOr<Response> ListTaskItems(RequestContext& ctx, const Services& s);
StatusOr<Response> ExportTaskItems(RequestContext& ctx, const Services& s);
StatusOr<Response> ImportTaskItems(RequestContext& ctx, const Services& s);
StatusOr<Response> TaskItemsTemplate(RequestContext& ctx, const Services& s);
StatusOr<Response> CreateTaskItem(RequestContext& ctx, const Services& s);
StatusOr<Response> GetTaskItem(RequestContext& ctx, const Services& s);
StatusOr<Response> UpdateTaskItem(RequestContext& ctx, const Services& s);
StatusOr<Response> DeleteTaskItem(RequestContext& ctx, const Services& s);
StatusOr<Response> AddTaskReport(RequestContext& ctx, const Services& s);
StatusOr<Response> ReviewTaskReport(RequestContext& ctx, const Services& s);
StatusOr<Response> TaskWorkQueue(RequestContext& ctx, const Services& s);

// task_supervision_handlers.cc
StatusOr<Response> IssueSupervision(RequestContext& ctx, const Services& s);
StatusOr<Response> ListSupervision(RequestContext& ctx, const Services& s);
StatusOr<Response> GetSupervision(RequestContext& ctx, const Services& s);
StatusOr<Response> SupervisionUnitStep(RequestContext& ctx, const Services& s);    // receive|assign|progress|done|extension
StatusOr<Response> SupervisionConfirm(RequestContext& ctx, const Services& s);
StatusOr<Response> SupervisionReturn(RequestContext& ctx, const Services& s);
StatusOr<Response> SupervisionExtensionDecision(RequestContext& ctx, const Services& s);
StatusOr<Response> AddInstruction(RequestContext& ctx, const Services& s);
StatusOr<Response> ListInstructions(RequestContext& ctx, const Services& s);

// task_meeting_handlers.cc
StatusOr<Response> ListMeetings(RequestContext& ctx, const Services& s);
StatusOr<Response> CreateMeeting(RequestContext& ctx, const Services& s);
StatusOr<Response> GetMeeting(RequestContext& ctx, const Services& s);
StatusOr<Response> UpdateMeeting(RequestContext& ctx, const Services& s);
StatusOr<Response> AddMeetingDecision(RequestContext& ctx, const Services& s);
StatusOr<Response> MeetingAgenda(RequestContext& ctx, const Services& s);
StatusOr<Response> MeetingMinutesDocx(RequestContext& ctx, const Services& s);

// task_assessment_handlers.cc
StatusOr<Response> GetAssessment(RequestContext& ctx, const Services& s);
StatusOr<Response> ExportAssessment(RequestContext& ctx, const Services& s);
StatusOr<Response> GetAssessmentSettings(RequestContext& ctx, const Services& s);
StatusOr<Response> PutAssessmentSettings(RequestContext& ctx, const Services& s);
StatusOr<Response> AddAssessmentBonus(RequestContext& ctx, const Services& s);
StatusOr<Response> PublishAssessment(RequestContext& ctx, const Services& s);

}  // namespace parkhq::http::handlers
