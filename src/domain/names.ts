/** The name to show for a person: their preferred name when they have one. */
export function displayName(givenName: string, preferredName: string | null | undefined): string {
  const preferred = preferredName?.trim();
  return preferred ? preferred : givenName;
}
