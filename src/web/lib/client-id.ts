/** A fresh id for a write the server must apply once, however often the request is retried. */
export function newClientId(): string {
  // randomUUID exists only in secure contexts; a school LAN over plain HTTP is not one.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
