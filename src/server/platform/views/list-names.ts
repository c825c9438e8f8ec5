// The names a list of people shows, from their rows: two Lucias become "Lucia G." and
// "Lucia M." (src/domain/names.ts). Every response that lists first names without family names
// takes them from here, with the list it answers as the scope.
import { listNames } from '../../../domain/names.js';

export function namesInList(
  rows: Iterable<{
    id: string;
    given_name: string;
    preferred_name: string | null;
    family_name: string;
  }>,
): Map<string, string> {
  return listNames(
    [...rows].map((r) => ({
      id: r.id,
      givenName: r.given_name,
      preferredName: r.preferred_name,
      familyName: r.family_name,
    })),
  );
}
