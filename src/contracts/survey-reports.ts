// Survey reports: what each viewer may see of an administration's results. A figure that may not
// be shown is absent (null) with the reason it is hidden; a number that is not in these schemas
// cannot leave the server (docs/decisions/015-survey-reports.md).
import { Type, type Static } from 'typebox';
import { Id, IsoInstant } from './common.js';

const Text = Type.Object({ en: Type.String(), es: Type.String() });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);

export const ReportScopeKind = Type.Enum(['school', 'teacher', 'class']);
export type ReportScopeKind = Static<typeof ReportScopeKind>;
export const GroupKind = Type.Enum(['school', 'grade', 'teacher', 'class', 'demographic']);

/** Why a figure is hidden: fewer than `minimum` respondents, or to protect such a group. */
export const HiddenView = Type.Object({
  reason: Type.Enum(['small', 'complementary', 'overlap']),
  minimum: Type.Integer(),
});
export type HiddenView = Static<typeof HiddenView>;

const Alpha = Type.Object({
  alpha: Type.Number(),
  ci95: Type.Tuple([Type.Number(), Type.Number()]),
  n: Type.Integer(),
  k: Type.Integer(),
});

export const ItemView = Type.Object({
  key: Type.String(),
  text: Text,
  reverse: Type.Boolean(),
  hidden: Nullable(HiddenView),
  figures: Nullable(
    Type.Object({
      n: Type.Integer(),
      mean: Nullable(Type.Number()),
      favourable: Nullable(Type.Number()),
      /** Answers per option as labelled, options 1..5. */
      distribution: Type.Array(Type.Integer()),
    }),
  ),
});
export type ItemView = Static<typeof ItemView>;

export const ChangeView = Type.Object({
  difference: Type.Number(),
  ci95: Type.Tuple([Type.Number(), Type.Number()]),
  before: Type.Object({ n: Type.Integer(), mean: Type.Number() }),
  after: Type.Object({ n: Type.Integer(), mean: Type.Number() }),
});
export type ChangeView = Static<typeof ChangeView>;

export const ScaleView = Type.Object({
  key: Type.String(),
  title: Text,
  favourableEnd: Type.Enum(['high', 'low']),
  hidden: Nullable(HiddenView),
  figures: Nullable(
    Type.Object({
      n: Type.Integer(),
      score: Nullable(Type.Number()),
      sd: Nullable(Type.Number()),
      favourable: Nullable(Type.Number()),
      /** Keyed answers per value 1..5 over all the scale's items. */
      distribution: Type.Array(Type.Integer()),
      alphaPairwise: Nullable(Alpha),
      alphaListwise: Nullable(Alpha),
    }),
  ),
  /** Change since the previous wave's administration, when the group is shown in both. */
  change: Nullable(ChangeView),
  items: Type.Array(ItemView),
});
export type ScaleView = Static<typeof ScaleView>;

export const GroupView = Type.Object({
  kind: GroupKind,
  id: Type.String(),
  label: Type.String(),
  hidden: Nullable(HiddenView),
  n: Nullable(Type.Integer()),
  invited: Nullable(Type.Integer()),
  responseRate: Nullable(Type.Number()),
  scales: Type.Array(ScaleView),
});
export type GroupView = Static<typeof GroupView>;

export const AdministrationView = Type.Object({
  id: Id,
  instrumentId: Type.String(),
  title: Text,
  waveName: Type.String(),
  schoolYear: Type.String(),
  mode: Type.Enum(['anonymous', 'confidential']),
  opensAt: IsoInstant,
  closesAt: IsoInstant,
});
export type AdministrationView = Static<typeof AdministrationView>;

export const ReportRef = Type.Object({ kind: ReportScopeKind, id: Id, label: Type.String() });
export type ReportRef = Static<typeof ReportRef>;

export const ReportListResponse = Type.Object({
  administrations: Type.Array(
    Type.Object({ administration: AdministrationView, reports: Type.Array(ReportRef) }),
  ),
});
export type ReportListResponse = Static<typeof ReportListResponse>;

export const ReportParams = Type.Object({
  administrationId: Id,
  scope: ReportScopeKind,
  scopeId: Id,
});
export type ReportParams = Static<typeof ReportParams>;

export const ReportResponse = Type.Object({
  administration: AdministrationView,
  scope: ReportRef,
  minimum: Type.Integer(),
  previous: Nullable(
    Type.Object({ administrationId: Id, waveName: Type.String(), schoolYear: Type.String() }),
  ),
  /** The scope's own group first, then its breakdowns. */
  groups: Type.Array(GroupView),
});
export type ReportResponse = Static<typeof ReportResponse>;

export const GapParams = Type.Object({ administrationId: Id, classId: Id });
export type GapParams = Static<typeof GapParams>;

export const GapResponse = Type.Object({
  administration: AdministrationView,
  classId: Id,
  classTitle: Type.String(),
  minimum: Type.Integer(),
  /** The teacher's mean closeness rating over the class's rated students vs the class's score. */
  classGap: Type.Object({
    rated: Type.Integer(),
    teacherCloseness: Nullable(Type.Number()),
    studentScore: Nullable(Type.Number()),
    gap: Nullable(Type.Number()),
    hidden: Nullable(HiddenView),
  }),
  /** Only students who chose to share their answers with this teacher. */
  students: Type.Array(
    Type.Object({
      studentId: Id,
      displayName: Type.String(),
      closeness: Nullable(Type.Number()),
      conflict: Nullable(Type.Number()),
      studentScore: Nullable(Type.Number()),
      gap: Nullable(Type.Number()),
    }),
  ),
});
export type GapResponse = Static<typeof GapResponse>;

export const ReportSettingsResponse = Type.Object({
  /** The minimum in force: the district's, else the server's. */
  minGroupSize: Type.Integer(),
  configuredMinGroupSize: Nullable(Type.Integer()),
  serverMinGroupSize: Type.Integer(),
  leadersSeeTeachers: Type.Boolean(),
});
export type ReportSettingsResponse = Static<typeof ReportSettingsResponse>;

export const ReportSettingsBody = Type.Object(
  {
    minGroupSize: Nullable(Type.Integer({ minimum: 3, maximum: 100 })),
    leadersSeeTeachers: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type ReportSettingsBody = Static<typeof ReportSettingsBody>;
