// Roster demographics for the demo's students, as a OneRoster demographics file would bring them:
// sex (female or male: a handful of "other" per class would only hide a second group by
// complementary suppression), and race and ethnicity as "true"/"false" flags, in proportions
// like a mid-sized US district's. They exist so the equity lens and subgroup breakdowns have groups to show (and to
// hide, below the minimum size) in the demo; they are drawn from their own seeded stream, so the
// rest of the demo is the same with or without them. Never shown beside a student's name.
import type { RACE_COLUMNS } from '../../../domain/equity-lens.js';
import type { Database } from '../../platform/db/schema.js';
import type { DemoData } from './demo.generator.js';
import { seededRandom } from './seeded-random.js';

/** Cumulative shares: Hispanic or Latino (any race), then one race each, then two or more. */
const MIX: Array<
  [share: number, hispanic: boolean, races: ReadonlyArray<(typeof RACE_COLUMNS)[number]>]
> = [
  [0.28, true, ['white']],
  [0.02, true, ['black_or_african_american']],
  [0.42, false, ['white']],
  [0.14, false, ['black_or_african_american']],
  [0.06, false, ['asian']],
  [0.01, false, ['american_indian_or_alaska_native']],
  [0.01, false, ['native_hawaiian_or_other_pacific_islander']],
  [0.05, false, ['white', 'black_or_african_american']],
];

export function demoDemographics(data: DemoData, seed = 7): Database['demographics'][] {
  const r = seededRandom(seed);
  const total = MIX.reduce((n, [share]) => n + share, 0);
  return data.people
    .filter((p) => p.kind === 'student')
    .map((p) => {
      const reported = r.chance(0.97); // a few families leave race and ethnicity blank
      let x = r.next() * total;
      const [, hispanic, races] = MIX.find(([share]) => (x -= share) < 0) ?? MIX[0]!;
      const sexDraw = r.next();
      const flag = (on: boolean) => (reported ? (on ? 'true' : 'false') : null);
      return {
        district_id: p.district_id,
        person_id: p.id,
        birth_date: null,
        sex: sexDraw < 0.5 ? 'female' : 'male',
        american_indian_or_alaska_native: flag(races.includes('american_indian_or_alaska_native')),
        asian: flag(races.includes('asian')),
        black_or_african_american: flag(races.includes('black_or_african_american')),
        native_hawaiian_or_other_pacific_islander: flag(
          races.includes('native_hawaiian_or_other_pacific_islander'),
        ),
        white: flag(races.includes('white')),
        two_or_more_races: flag(races.length > 1),
        hispanic_or_latino: flag(hispanic),
        country_of_birth_code: null,
        state_of_birth_abbreviation: null,
        city_of_birth: null,
        public_school_residence_status: null,
        active: 1 as const,
        source_modified_at: null,
      };
    });
}
