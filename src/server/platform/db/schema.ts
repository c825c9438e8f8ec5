// Row types of the database, as Kysely sees them. Text ids, ISO text timestamps, 0/1 booleans:
// the same JavaScript values on SQLite and PostgreSQL (docs/decisions/002-data-conventions.md).
import type { Insertable, Selectable } from 'kysely';

type Flag = 0 | 1;

export interface DistrictsTable {
  id: string;
  name: string;
  timezone: string;
  sourced_id: string | null;
  created_at: string;
}
export interface SchoolsTable {
  district_id: string;
  id: string;
  name: string;
  level: string;
  sourced_id: string | null;
  active: Flag;
  /** OneRoster org type: school (default), district, department, local, state, national. */
  org_type?: string;
  identifier?: string | null;
  parent_sourced_id?: string | null;
  source_modified_at?: string | null;
}
export interface TermsTable {
  district_id: string;
  id: string;
  name: string;
  start_date: string;
  end_date: string;
  sourced_id: string | null;
  active: Flag;
  /** OneRoster academic session type: term (default), semester, gradingPeriod, schoolYear. */
  session_type?: string;
  parent_sourced_id?: string | null;
  school_year?: string | null;
  source_modified_at?: string | null;
}
export interface TermDaysOffTable {
  district_id: string;
  term_id: string;
  date: string;
  reason: string;
}
export interface CoursesTable {
  district_id: string;
  id: string;
  school_id: string;
  title: string;
  code: string | null;
  sourced_id: string | null;
  active: Flag;
  /** JSON of the roster fields Rapport does not model (CourseExtra in rostering). */
  extra?: string | null;
  source_modified_at?: string | null;
}
export interface ClassesTable {
  district_id: string;
  id: string;
  school_id: string;
  course_id: string;
  term_id: string;
  title: string;
  period: string | null;
  room: string | null;
  meeting_days: string;
  sourced_id: string | null;
  active: Flag;
  /** JSON of the roster fields Rapport does not model (ClassExtra in rostering). */
  extra?: string | null;
  source_modified_at?: string | null;
}
export type PersonKind = 'staff' | 'student' | 'guardian';
export interface PeopleTable {
  district_id: string;
  id: string;
  kind: PersonKind;
  given_name: string;
  family_name: string;
  preferred_name: string | null;
  pronouns: string | null;
  email: string | null;
  grade: string | null;
  school_id: string | null;
  sourced_id: string | null;
  active: Flag;
  username?: string | null;
  middle_name?: string | null;
  identifier?: string | null;
  /** JSON of the roster fields Rapport does not model (PersonExtra in rostering). */
  extra?: string | null;
  source_modified_at?: string | null;
}
export interface GuardianshipsTable {
  district_id: string;
  guardian_id: string;
  student_id: string;
  relationship: string;
  active?: Flag;
}
export interface EnrollmentsTable {
  district_id: string;
  class_id: string;
  person_id: string;
  /** student | teacher grant what they say; a roster's administrator, aide, proctor, guardian... are kept, and grant nothing. */
  role: string;
  begin_date: string | null;
  end_date: string | null;
  sourced_id: string | null;
  active: Flag;
  is_primary?: Flag | null;
  source_modified_at?: string | null;
}
/** Sensitive: read only by aggregates with minimum group sizes, never beside a name. */
export interface DemographicsTable {
  district_id: string;
  person_id: string;
  birth_date: string | null;
  sex: string | null;
  american_indian_or_alaska_native: string | null;
  asian: string | null;
  black_or_african_american: string | null;
  native_hawaiian_or_other_pacific_islander: string | null;
  white: string | null;
  two_or_more_races: string | null;
  hispanic_or_latino: string | null;
  country_of_birth_code: string | null;
  state_of_birth_abbreviation: string | null;
  city_of_birth: string | null;
  public_school_residence_status: string | null;
  active: Flag;
  source_modified_at: string | null;
}
/** District-wide days without school (holidays, breaks), from an iCalendar file or by hand. */
export interface DaysOffTable {
  district_id: string;
  date: string;
  reason: string;
  source: 'ics' | 'manual';
}
export interface RosterJobsTable {
  district_id: string;
  id: string;
  kind: 'import' | 'export';
  dry_run: Flag;
  status: 'running' | 'previewed' | 'applied' | 'rejected' | 'failed' | 'exported';
  source_name: string | null;
  actor_account_id: string | null;
  created_at: string;
  finished_at: string | null;
  /** JSON: the job's report (version, counts per entity, messages). */
  report: string | null;
  /** The instance running the job (one instance at a time; see jobs.repository.ts). */
  claimed_by?: string | null;
  /** While running: the instance renews this; a job past it was cut off (its instance stopped). */
  lease_until?: string | null;
  /** While running: JSON { file, rows } read so far, written with each lease renewal. */
  progress?: string | null;
}
export interface RosterUploadsTable {
  district_id: string;
  job_id: string;
  seq: number;
  /** base64 of one chunk of the uploaded file. */
  data: string;
}
export interface AccountsTable {
  district_id: string;
  id: string;
  person_id: string | null;
  username: string;
  email: string | null;
  role: string;
  school_id: string | null;
  password_hash: string | null;
  locale: string;
  active: Flag;
  created_at: string;
}
export interface SessionsTable {
  district_id: string;
  id: string;
  account_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}
export interface SignInThrottleTable {
  key: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}
export interface AuditLogTable {
  district_id: string;
  id: string;
  at: string;
  actor_account_id: string | null;
  actor_role: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  detail: string | null;
  ip: string | null;
}
export interface InteractionsTable {
  district_id: string;
  id: string;
  client_id: string;
  author_account_id: string;
  teacher_id: string;
  student_id: string;
  class_id: string | null;
  kind: string;
  tag: string | null;
  note: string | null;
  occurred_at: string;
  created_at: string;
  undone_at: string | null;
}

/** PostgreSQL only (migration 005): one row per accepted log request, the replay guard. */
export interface InteractionRequestsTable {
  district_id: string;
  author_account_id: string;
  client_id: string;
  occurred_at: string;
  created_at: string;
}

export interface PlansTable {
  district_id: string;
  id: string;
  teacher_id: string;
  author_account_id: string;
  student_id: string;
  term_id: string;
  start_date: string;
  /** JSON array of the plan's ten school days. */
  days: string;
  status: 'active' | 'completed' | 'stopped';
  reflection: string | null;
  created_at: string;
  ended_at: string | null;
}
export interface IncidentsTable {
  district_id: string;
  id: string;
  client_id: string;
  teacher_id: string;
  author_account_id: string;
  student_id: string;
  occurred_at: string;
  what_happened: string;
  next_step: string;
  created_at: string;
}
export interface IncidentExplanationsTable {
  district_id: string;
  incident_id: string;
  position: number;
  text: string;
  charitable: Flag;
}
export interface DyadStagesTable {
  district_id: string;
  id: string;
  teacher_id: string;
  student_id: string;
  stage: string;
  suggested_stage: string;
  suggested_reason: string;
  decision: 'accepted' | 'overridden';
  set_at: string;
}
export interface DyadFlagsTable {
  district_id: string;
  teacher_id: string;
  student_id: string;
  conflict_history: Flag;
  updated_at: string;
}
/** A repair the teacher closed as not needed (src/domain/repairs.ts); undone rows stay. */
export interface RepairClosuresTable {
  district_id: string;
  id: string;
  client_id: string;
  author_account_id: string;
  teacher_id: string;
  student_id: string;
  opened_at: string;
  closed_at: string;
  reason: 'not_needed';
  undone_at: string | null;
}
export interface FocusDismissalsTable {
  district_id: string;
  teacher_id: string;
  student_id: string;
  week_start: string;
}

/** One answer of a student's profile (issue 5); `shared` is the student's choice for it. */
export interface StudentProfileFieldsTable {
  district_id: string;
  student_id: string;
  field: string;
  value: string;
  shared: Flag;
  updated_at: string;
}
export interface QuestionnaireResponsesTable {
  district_id: string;
  questionnaire_id: string;
  respondent_id: string;
  respondent_kind: 'student' | 'teacher';
  content_version: number;
  /** The respondent lets the other side see their answers. */
  shared: Flag;
  last_item_id: string | null;
  started_at: string;
  updated_at: string;
  submitted_at: string | null;
}
/** One chosen option (option_id = catalogue id) or an item's free text (option_id = ''). */
export interface QuestionnaireAnswersTable {
  district_id: string;
  questionnaire_id: string;
  respondent_id: string;
  item_id: string;
  option_id: string;
  text: string | null;
  answered_at: string;
}

/** A teacher's guess at one item of a student's questionnaire (issue 5, perspective taking). */
export interface PredictionsTable {
  district_id: string;
  teacher_id: string;
  student_id: string;
  questionnaire_id: string;
  item_id: string;
  /** JSON array of option ids. */
  option_ids: string;
  score: number | null;
  created_at: string;
  updated_at: string;
}
export interface PredictionRevealsTable {
  district_id: string;
  teacher_id: string;
  student_id: string;
  questionnaire_id: string;
  revealed_at: string;
  revealed_on: string;
  scored_predictions: number;
  accuracy: number | null;
}
export interface SchoolInsightSettingsTable {
  district_id: string;
  school_id: string;
  students_see_commonalities: Flag;
  updated_at: string;
  updated_by_account_id: string | null;
}

// Surveys (migration 2026-11-30-002; docs/decisions/014-surveys.md).
export type SurveyMode = 'anonymous' | 'confidential';
export type SurveyRespondent = 'student' | 'teacher';
export interface SurveyWavesTable {
  district_id: string;
  id: string;
  /** '2026-2027' */
  school_year: string;
  /** fall | winter | spring */
  name: string;
  created_at: string;
}
export interface SurveyAdministrationsTable {
  district_id: string;
  id: string;
  /** null: district-wide. */
  school_id: string | null;
  wave_id: string;
  instrument_id: string;
  instrument_version: number;
  respondent: SurveyRespondent;
  mode: SurveyMode;
  /** JSON array of languages offered, e.g. ["en","es"]. */
  languages: string;
  opens_at: string;
  closes_at: string;
  created_by_account_id: string;
  created_at: string;
  /** The leader's own name for this run; null (or absent): the instrument's title. */
  title?: string | null;
}
export interface SurveyAdministrationTargetsTable {
  district_id: string;
  administration_id: string;
  kind: 'class' | 'grade';
  /** A class id, or a roster grade. */
  value: string;
}
export interface SurveyParticipationsTable {
  district_id: string;
  id: string;
  administration_id: string;
  person_id: string;
  /** A class id (student about that class), a student id (teacher rating that student), or ''. */
  subject_key: string;
  status: 'started' | 'finished';
  started_at: string;
}
export interface SurveyDraftsTable {
  district_id: string;
  participation_id: string;
  item_id: string;
  /** null: skipped. */
  value: number | null;
  /** JSON array of staff person ids named for an "adult at school" item. */
  people: string | null;
  saved_at: string;
}
export interface SurveyResponsesTable {
  district_id: string;
  /** A random UUID (v4) generated by the client; never time-ordered. */
  id: string;
  administration_id: string;
  school_id: string | null;
  class_id: string | null;
  teacher_id: string | null;
  grade: string | null;
  language: string;
  /** Monday of the week of submission (YYYY-MM-DD): coarsened, never an instant. */
  submitted_week: string;
  /** The student or teacher who answered; always null in anonymous administrations. */
  respondent_id: string | null;
  /** The student a teacher's rating is about. */
  about_student_id: string | null;
}
export interface SurveyAnswersTable {
  district_id: string;
  administration_id: string;
  response_id: string;
  item_id: string;
  /** 1..5 in the item's own order; reverse keying is applied when scoring. */
  value: number;
}
export interface SurveyAnswerPeopleTable {
  district_id: string;
  response_id: string;
  item_id: string;
  person_id: string;
}
export interface SurveyResponseSharesTable {
  district_id: string;
  response_id: string;
  teacher_id: string;
  shared_at: string;
}
export interface OneTimeLinksTable {
  district_id: string;
  id: string;
  token_hash: string;
  purpose: string;
  target_id: string | null;
  subject_person_id: string;
  created_by_account_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
}
export interface LinkSessionsTable {
  district_id: string;
  id: string;
  link_id: string;
  person_id: string;
  purpose: string;
  target_id: string | null;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

/** Survey reports: a district's minimum group size and whether leaders see teacher-level results. */
export interface SurveyReportSettingsTable {
  district_id: string;
  min_group_size: number | null;
  leaders_see_teachers: Flag;
  updated_at: string;
  updated_by_account_id: string | null;
}

export interface Database {
  plans: PlansTable;
  incidents: IncidentsTable;
  incident_explanations: IncidentExplanationsTable;
  dyad_stages: DyadStagesTable;
  dyad_flags: DyadFlagsTable;
  focus_dismissals: FocusDismissalsTable;
  repair_closures: RepairClosuresTable;
  districts: DistrictsTable;
  schools: SchoolsTable;
  terms: TermsTable;
  term_days_off: TermDaysOffTable;
  courses: CoursesTable;
  classes: ClassesTable;
  people: PeopleTable;
  guardianships: GuardianshipsTable;
  enrollments: EnrollmentsTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  sign_in_throttle: SignInThrottleTable;
  audit_log: AuditLogTable;
  interactions: InteractionsTable;
  interaction_requests: InteractionRequestsTable;
  demographics: DemographicsTable;
  days_off: DaysOffTable;
  roster_jobs: RosterJobsTable;
  roster_uploads: RosterUploadsTable;
  student_profile_fields: StudentProfileFieldsTable;
  questionnaire_responses: QuestionnaireResponsesTable;
  questionnaire_answers: QuestionnaireAnswersTable;
  predictions: PredictionsTable;
  prediction_reveals: PredictionRevealsTable;
  school_insight_settings: SchoolInsightSettingsTable;
  survey_waves: SurveyWavesTable;
  survey_administrations: SurveyAdministrationsTable;
  survey_administration_targets: SurveyAdministrationTargetsTable;
  survey_participations: SurveyParticipationsTable;
  survey_drafts: SurveyDraftsTable;
  survey_responses: SurveyResponsesTable;
  survey_answers: SurveyAnswersTable;
  survey_answer_people: SurveyAnswerPeopleTable;
  survey_response_shares: SurveyResponseSharesTable;
  one_time_links: OneTimeLinksTable;
  link_sessions: LinkSessionsTable;
  survey_report_settings: SurveyReportSettingsTable;
}

export type Account = Selectable<AccountsTable>;
export type NewInteraction = Insertable<InteractionsTable>;
