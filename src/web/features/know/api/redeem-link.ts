import type { LinkSessionResponse, LinkSessionView } from '../../../../contracts/links.js';
import { api } from '../../../lib/api-client.js';

/** The link session this browser already holds (after a reload), if any. */
export function getLinkSession(): Promise<LinkSessionResponse> {
  return api.get<LinkSessionResponse>('/api/links/session');
}

/** Redeems a one-time link once; a used or expired link is refused with the reason. */
export function redeemLink(code: string): Promise<LinkSessionResponse> {
  return api.post<LinkSessionResponse>('/api/links/redeem', { code });
}

// One redemption per code and page load, whatever React does with effects in development.
const pending = new Map<string, Promise<LinkSessionView | null>>();

const REDEEMED = 'rapport-redeemed-link';

/**
 * The session for a questionnaire link: after a reload, the one this tab opened with the same
 * code; otherwise a fresh redemption (so a shared device never answers as the previous student).
 */
export function openQuestionnaireLink(code: string): Promise<LinkSessionView | null> {
  let p = pending.get(code);
  if (!p) {
    p = (async () => {
      if (sessionStorage.getItem(REDEEMED) === code) {
        const held = await getLinkSession();
        if (held.session?.purpose === 'questionnaire') return held.session;
      }
      const session = (await redeemLink(code)).session;
      sessionStorage.setItem(REDEEMED, code);
      return session;
    })();
    pending.set(code, p);
    p.catch(() => pending.delete(code));
  }
  return p;
}
