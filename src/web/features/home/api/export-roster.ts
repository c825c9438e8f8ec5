// The district's roster as a OneRoster 1.2 zip. A plain download: the browser sends the session
// cookie with a same-origin GET and saves the file under the name the server gives it.
export const EXPORT_ROSTER_URL = '/api/rostering/export';
