// Daily practice: the teacher's day, class ratios, the dyad view, stages, plans, incidents.
// Everything here is the teacher's own practice: no route returns it to anyone else.
import { Type, type Static } from 'typebox';
import { STAGES } from '../domain/stages.js';
import { FOCUS_REASONS } from '../domain/focus-list.js';
import { MAX_EXPLANATION_TEXT, MAX_EXPLANATIONS, MAX_INCIDENT_TEXT } from '../domain/incidents.js';
import { ClientId } from './interactions.js';
import { Id, IsoDate, IsoInstant } from './common.js';

export const Stage = Type.Enum(STAGES);
export type Stage = Static<typeof Stage>;

export const RatioView = Type.Object({ positive: Type.Integer(), corrections: Type.Integer() });
export const DayRatioView = Type.Object({
  date: IsoDate,
  positive: Type.Integer(),
  corrections: Type.Integer(),
});
export const WindowView = Type.Object({
  schoolDays: Type.Integer(),
  from: Type.Union([IsoDate, Type.Null()]),
  to: Type.Union([IsoDate, Type.Null()]),
});

export const FocusItemView = Type.Object({
  studentId: Id,
  displayName: Type.String(),
  reason: Type.Enum(FOCUS_REASONS),
});

export const OpenRepairView = Type.Object({
  studentId: Id,
  displayName: Type.String(),
  openedAt: Type.String(),
  ageHours: Type.Number(),
  /** School days since the day it opened (0: today); past five it no longer leads the focus list. */
  schoolDays: Type.Integer(),
});

export const PlanDayToday = Type.Object({
  planId: Id,
  studentId: Id,
  displayName: Type.String(),
  dayNumber: Type.Integer(),
  done: Type.Boolean(),
  /** Earlier plan days without a logged conversation. */
  missed: Type.Integer(),
});

export const PracticeTodayResponse = Type.Object({
  today: IsoDate,
  isSchoolDay: Type.Boolean(),
  window: WindowView,
  /** All of this teacher's positive moments and corrections over the window. */
  ratio: RatioView,
  focus: Type.Array(FocusItemView),
  openRepairs: Type.Array(OpenRepairView),
  planDays: Type.Array(PlanDayToday),
});
export type PracticeTodayResponse = Static<typeof PracticeTodayResponse>;

export const StudentRatioRow = Type.Object({
  studentId: Id,
  displayName: Type.String(),
  familyName: Type.String(),
  ratio: RatioView,
  /** School days since this teacher's last positive moment with the student (within the term). */
  schoolDaysWithoutPositive: Type.Integer(),
});

export const ClassRatiosResponse = Type.Object({
  classId: Id,
  window: WindowView,
  ratio: RatioView,
  trend: Type.Array(DayRatioView),
  students: Type.Array(StudentRatioRow),
  /** Students with no positive moment from this teacher in the last 5 school days. */
  noPositiveLately: Type.Array(StudentRatioRow),
});
export type ClassRatiosResponse = Static<typeof ClassRatiosResponse>;

export const StageRecordView = Type.Object({
  stage: Stage,
  suggestedStage: Stage,
  decision: Type.Union([Type.Literal('accepted'), Type.Literal('overridden')]),
  setAt: Type.String(),
});

export const PlanDayView = Type.Object({
  date: IsoDate,
  number: Type.Integer(),
  state: Type.Union([
    Type.Literal('done'),
    Type.Literal('missed'),
    Type.Literal('today'),
    Type.Literal('upcoming'),
  ]),
});

export const PlanView = Type.Object({
  id: Id,
  studentId: Id,
  startDate: IsoDate,
  status: Type.Union([Type.Literal('active'), Type.Literal('completed'), Type.Literal('stopped')]),
  days: Type.Array(PlanDayView),
  done: Type.Integer(),
  missed: Type.Integer(),
  todayNumber: Type.Union([Type.Integer(), Type.Null()]),
  /** The ten school days are over: the reflection and a stage re-check are due. */
  finished: Type.Boolean(),
  reflection: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
export type PlanView = Static<typeof PlanView>;

export const IncidentView = Type.Object({
  id: Id,
  studentId: Id,
  occurredAt: Type.String(),
  whatHappened: Type.String(),
  explanations: Type.Array(Type.Object({ text: Type.String(), charitable: Type.Boolean() })),
  nextStep: Type.String(),
  createdAt: Type.String(),
});
export type IncidentView = Static<typeof IncidentView>;

export const DyadResponse = Type.Object({
  studentId: Id,
  displayName: Type.String(),
  familyName: Type.String(),
  pronouns: Type.Union([Type.String(), Type.Null()]),
  window: WindowView,
  ratio: RatioView,
  trend: Type.Array(DayRatioView),
  stage: Type.Object({
    current: Type.Union([StageRecordView, Type.Null()]),
    suggested: Stage,
    /** One sentence, in the teacher's language, saying why. */
    because: Type.String(),
    history: Type.Array(StageRecordView),
  }),
  conflictHistory: Type.Boolean(),
  openRepair: Type.Union([
    Type.Object({ openedAt: Type.String(), ageHours: Type.Number() }),
    Type.Null(),
  ]),
  plans: Type.Array(PlanView),
  incidents: Type.Array(IncidentView),
});
export type DyadResponse = Static<typeof DyadResponse>;

export const StudentParams = Type.Object({ studentId: Id });
export const ClassParams = Type.Object({ classId: Id });
export const PlanParams = Type.Object({ planId: Id });

export const SetStageBody = Type.Object({ stage: Stage }, { additionalProperties: false });
export const SetConflictHistoryBody = Type.Object(
  { conflictHistory: Type.Boolean() },
  { additionalProperties: false },
);
export const DismissBody = Type.Object({ studentId: Id }, { additionalProperties: false });

/** Closes the student's open repair as not needed; the client id makes a replay a no-op. */
export const RepairNotNeededBody = Type.Object(
  { studentId: Id, clientId: ClientId },
  { additionalProperties: false },
);
export type RepairNotNeededBody = Static<typeof RepairNotNeededBody>;
/** Takes back a "not needed" mark, within the undo window of a logged moment. */
export const UndoRepairNotNeededBody = Type.Object(
  { clientId: ClientId },
  { additionalProperties: false },
);

export const StartPlanBody = Type.Object(
  { studentId: Id, startDate: IsoDate },
  { additionalProperties: false },
);
export type StartPlanBody = Static<typeof StartPlanBody>;
export const ReflectPlanBody = Type.Object(
  { reflection: Type.String({ minLength: 1, maxLength: 2000 }), stage: Type.Optional(Stage) },
  { additionalProperties: false },
);
export type ReflectPlanBody = Static<typeof ReflectPlanBody>;

export const LogIncidentBody = Type.Object(
  {
    clientId: ClientId,
    studentId: Id,
    occurredAt: Type.Optional(IsoInstant),
    whatHappened: Type.String({ maxLength: MAX_INCIDENT_TEXT }),
    explanations: Type.Array(
      Type.Object(
        { text: Type.String({ maxLength: MAX_EXPLANATION_TEXT }), charitable: Type.Boolean() },
        { additionalProperties: false },
      ),
      { maxItems: MAX_EXPLANATIONS },
    ),
    nextStep: Type.String({ maxLength: MAX_INCIDENT_TEXT }),
  },
  { additionalProperties: false },
);
export type LogIncidentBody = Static<typeof LogIncidentBody>;

export const LogIncidentResponse = Type.Object({
  replayed: Type.Boolean(),
  incident: IncidentView,
  /** The repair this incident opened (or the one already open for the dyad). */
  openRepair: Type.Union([
    Type.Object({ openedAt: Type.String(), ageHours: Type.Number() }),
    Type.Null(),
  ]),
});
export type LogIncidentResponse = Static<typeof LogIncidentResponse>;

export const RepairReportResponse = Type.Object({
  /**
   * Repairs closed this term by a repair, still open, marked not needed, and the median hours
   * from opening to a repair.
   */
  closed: Type.Integer(),
  open: Type.Integer(),
  notNeeded: Type.Integer(),
  medianHours: Type.Union([Type.Number(), Type.Null()]),
});
export type RepairReportResponse = Static<typeof RepairReportResponse>;
