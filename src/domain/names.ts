/** The name to show for a person: their preferred name when they have one. */
export function displayName(givenName: string, preferredName: string | null | undefined): string {
  const preferred = preferredName?.trim();
  return preferred ? preferred : givenName;
}

export interface ListedPerson {
  id: string;
  givenName: string;
  preferredName?: string | null;
  familyName: string;
}

/** A person's full name as the roster has it: what "two different people" means here. */
function fullName(p: ListedPerson): string {
  return `${p.givenName.trim()} ${p.familyName.trim()}`.toLocaleLowerCase('en');
}

/**
 * The names to show in one list, by person id. Everyone gets their display name; where two or
 * more people in the list share it, each gets as much of the family name as tells them apart:
 * the initial ("Lucia M."), more letters when initials collide ("Lucia Mar.", "Lucia Mat."),
 * the whole family name when one is a prefix of another, and the given name in parentheses
 * when the family names are the same too ("Lucy Kim (Lucinda)"). People whose full names are
 * the same keep the same name: nothing on the roster tells them apart. The result does not
 * depend on the list's order.
 */
export function listNames(people: Iterable<ListedPerson>): Map<string, string> {
  const unique = new Map<string, ListedPerson>();
  for (const p of people) if (!unique.has(p.id)) unique.set(p.id, p);
  const byShown = new Map<string, ListedPerson[]>();
  for (const p of unique.values()) {
    const key = displayName(p.givenName, p.preferredName).toLocaleLowerCase('en');
    byShown.set(key, [...(byShown.get(key) ?? []), p]);
  }
  const out = new Map<string, string>();
  for (const group of byShown.values()) {
    for (const p of group) out.set(p.id, nameWithin(p, group));
  }
  return out;
}

function nameWithin(p: ListedPerson, group: readonly ListedPerson[]): string {
  const shown = displayName(p.givenName, p.preferredName);
  const others = group.filter((o) => fullName(o) !== fullName(p));
  if (others.length === 0) return shown;
  const family = [...p.familyName.trim()];
  const lower = (s: string) => s.toLocaleLowerCase('en');
  const otherFamilies = others.map((o) => lower(o.familyName.trim()));
  // The shortest prefix of the family name that no other family name in the group starts with.
  for (let k = 1; k <= family.length; k++) {
    const prefix = lower(family.slice(0, k).join(''));
    if (otherFamilies.every((f) => !f.startsWith(prefix))) {
      return k === family.length
        ? `${shown} ${p.familyName.trim()}`
        : `${shown} ${family.slice(0, k).join('')}.`;
    }
  }
  // Another's family name starts with (or equals) this whole family name.
  const whole = `${shown} ${p.familyName.trim()}`;
  const sameFamily = others.filter(
    (o) => lower(o.familyName.trim()) === lower(p.familyName.trim()),
  );
  if (sameFamily.length === 0) return whole;
  return `${whole} (${p.givenName.trim()})`;
}
