//! The `/api/v1` routes, each registered together with its OpenAPI description.

pub mod absence;
pub mod admin;
pub mod cases;
pub mod complaints;
pub mod destruction;
pub mod dto;
pub mod group_support;
pub mod groups;
pub mod handover;
pub mod households;
pub mod inzage;
pub mod knowledge;
pub mod kpis;
pub mod onward_referrals;
pub mod organisation;
pub mod outreach;
pub mod outreach_attempts;
pub mod partner_referrals;
pub mod partners;
pub mod plan;
pub mod privacy;
pub mod privacy_log;
pub mod processing;
pub mod repair;
pub mod survey;
pub mod survey_results;
pub mod users;
pub mod worklist;

use axum::Json;
use axum::extract::rejection::JsonRejection;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::session;

/// A JSON body whose rejection becomes a problem document.
pub type Body<T> = Result<Json<T>, JsonRejection>;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(crate::docs::base())
        .routes(routes!(session::login))
        .routes(routes!(session::logout))
        .routes(routes!(session::me))
        .routes(routes!(session::change_password))
        .routes(routes!(organisation::create_district, organisation::list_districts))
        .routes(routes!(organisation::create_team, organisation::list_teams))
        .routes(routes!(organisation::change_team))
        .routes(routes!(users::create_user, users::list_users))
        .routes(routes!(users::get_user, users::change_user))
        .routes(routes!(users::unlock_user))
        .routes(routes!(users::reset_second_factor))
        .routes(routes!(users::issue_activation_code))
        .routes(routes!(users::activate_account))
        .routes(routes!(organisation::change_district))
        .routes(routes!(organisation::create_neighbourhood))
        .routes(routes!(organisation::list_neighbourhoods))
        .routes(routes!(organisation::change_neighbourhood))
        .routes(routes!(organisation::list_code_labels, organisation::set_code_label))
        .routes(routes!(organisation::preview_populations))
        .routes(routes!(organisation::import_populations))
        .routes(routes!(organisation::add_closure_day, organisation::list_closure_days))
        .routes(routes!(organisation::remove_closure_day))
        .routes(routes!(households::create_household, households::search_households))
        .routes(routes!(households::get_household))
        .routes(routes!(cases::register_referral, cases::list_cases))
        .routes(routes!(cases::get_case))
        .routes(routes!(cases::hold_intake))
        .routes(routes!(cases::start_support))
        .routes(routes!(cases::close_case))
        .routes(routes!(cases::claim_case))
        .routes(routes!(cases::correct_case))
        .routes(routes!(cases::reopen_case))
        .routes(routes!(repair::void_case))
        .routes(routes!(repair::merge_households))
        .routes(routes!(admin::admin_audit))
        .routes(routes!(processing::list_processing_activities))
        .routes(routes!(processing::get_processing_activity, processing::change_processing_activity))
        .routes(routes!(processing::ldv_export))
        .routes(routes!(destruction::register_request, destruction::list_requests))
        .routes(routes!(destruction::get_request))
        .routes(routes!(destruction::decide_request))
        .routes(routes!(destruction::place_hold, destruction::list_holds))
        .routes(routes!(destruction::lift_hold))
        .routes(routes!(cases::correct_contact))
        .routes(routes!(cases::set_member_reach))
        .routes(routes!(worklist::worklist))
        .routes(routes!(worklist::caseload))
        .routes(routes!(cases::assign_case))
        .routes(routes!(cases::record_contact, cases::list_contacts))
        .routes(routes!(kpis::read_kpis))
        .routes(routes!(plan::add_goal))
        .routes(routes!(plan::change_goal))
        .routes(routes!(plan::add_score))
        .routes(routes!(plan::add_action))
        .routes(routes!(plan::set_action_done))
        .routes(routes!(plan::comment))
        .routes(routes!(plan::propose))
        .routes(routes!(plan::decide_proposal))
        .routes(routes!(plan::record_evaluation))
        .routes(routes!(plan::add_working_note, plan::working_notes))
        .routes(routes!(plan::plan_appointment))
        .routes(routes!(plan::agree))
        .routes(routes!(plan::make_client))
        .routes(routes!(plan::staff_plan))
        .routes(routes!(plan::history))
        .routes(routes!(plan::invite_to_portal))
        .routes(routes!(plan::invite_network))
        .routes(routes!(plan::revoke_network))
        .routes(routes!(plan::activate))
        .routes(routes!(plan::portal_plan))
        .routes(routes!(plan::portal_agree))
        .routes(routes!(plan::portal_access_log))
        .routes(routes!(plan::case_access_log))
        .routes(routes!(privacy_log::audit_verifications))
        .routes(routes!(inzage::portal_export))
        .routes(routes!(inzage::case_export))
        .routes(routes!(privacy::request_emergency_access))
        .routes(routes!(privacy::list_emergency_accesses))
        .routes(routes!(privacy::review_emergency_access))
        .routes(routes!(privacy::unusual_access))
        .routes(routes!(privacy::review_unusual_access))
        .routes(routes!(survey_results::read_survey_results))
        .routes(routes!(survey_results::read_open_answers))
        .routes(routes!(groups::create_group, groups::list_groups))
        .routes(routes!(groups::get_group))
        .routes(routes!(groups::set_group_status))
        .routes(routes!(groups::add_session))
        .routes(routes!(groups::enrol))
        .routes(routes!(groups::leave))
        .routes(routes!(groups::record_attendance))
        .routes(routes!(group_support::get_group_support, group_support::record_group_support))
        .routes(routes!(group_support::record_collective_activity, group_support::list_collective_activities))
        .routes(routes!(survey::get_questionnaire, survey::save_questionnaire))
        .routes(routes!(survey::get_survey, survey::answer_survey))
        .routes(routes!(survey::invite))
        .routes(routes!(survey::enter_paper))
        .routes(routes!(complaints::register_complaint, complaints::list_complaints))
        .routes(routes!(complaints::get_complaint))
        .routes(routes!(complaints::record_step))
        .routes(routes!(complaints::extend))
        .routes(routes!(complaints::record_lessons))
        .routes(routes!(complaints::case_complaints))
        .routes(routes!(complaints::portal_complaints, complaints::submit_complaint))
        .routes(routes!(complaints::complaint_counts))
        .routes(routes!(outreach::create_campaign, outreach::list_campaigns))
        .routes(routes!(outreach::get_campaign, outreach::change_campaign))
        .routes(routes!(outreach::import_signals))
        .routes(routes!(outreach::basket))
        .routes(routes!(outreach::get_address))
        .routes(routes!(outreach::assign))
        .routes(routes!(outreach::get_weighing, outreach::set_weighing))
        .routes(routes!(outreach_attempts::record_attempt))
        .routes(routes!(outreach_attempts::funnel))
        .routes(routes!(handover::handover))
        .routes(routes!(handover::set_stand_in))
        .routes(routes!(handover::holders))
        .routes(routes!(handover::bulk_handover))
        .routes(routes!(knowledge::create_article, knowledge::search_articles))
        .routes(routes!(knowledge::review_due))
        .routes(routes!(knowledge::get_article, knowledge::put_article, knowledge::patch_article))
        .routes(routes!(knowledge::article_versions))
        .routes(routes!(knowledge::set_editor))
        .routes(routes!(absence::record, absence::list))
        .routes(routes!(absence::change))
        .routes(routes!(partners::create_partner, partners::list_partners))
        .routes(routes!(partners::get_partner, partners::change_partner))
        .routes(routes!(partners::record_gp_status))
        .routes(routes!(onward_referrals::record_onward_referral, onward_referrals::list_onward_referrals))
        .routes(routes!(onward_referrals::change_onward_referral))
        .routes(routes!(partner_referrals::submit_partner_referral, partner_referrals::list_partner_referrals))
}
