// One-time links: a teacher hands a student a link for one purpose (a survey, a questionnaire);
// redeeming it opens a short session limited to that purpose.
import { Type, type Static } from 'typebox';
import { IsoInstant } from './common.js';

export const LINK_PURPOSES = ['survey', 'questionnaire'] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];
export const LinkPurpose = Type.Enum(LINK_PURPOSES);

/** `<districtId>.<token>` as it appears in the link's URL. */
export const LinkCode = Type.String({
  minLength: 10,
  maxLength: 200,
  pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$',
});

export const RedeemLinkBody = Type.Object({ code: LinkCode }, { additionalProperties: false });
export type RedeemLinkBody = Static<typeof RedeemLinkBody>;

export const LinkSessionView = Type.Object({
  purpose: LinkPurpose,
  targetId: Type.Union([Type.String(), Type.Null()]),
  /** The student's preferred or given name, so the page can greet them. */
  name: Type.String(),
  expiresAt: IsoInstant,
  csrfToken: Type.String(),
});
export type LinkSessionView = Static<typeof LinkSessionView>;

export const LinkSessionResponse = Type.Object({
  session: Type.Union([LinkSessionView, Type.Null()]),
});
export type LinkSessionResponse = Static<typeof LinkSessionResponse>;
