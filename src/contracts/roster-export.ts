// The OneRoster export download. Its body is a zip (application/zip), not JSON: Fastify sends the
// server's stream as is, and the web app saves it as a file.
import { Type } from 'typebox';

/** The zip's bytes, as the server hands them to Fastify (a stream) and the client receives them. */
export const RosterExportZip = Type.Unsafe<NodeJS.ReadableStream | Uint8Array>({
  type: 'string',
  contentMediaType: 'application/zip',
  description: 'A OneRoster 1.2 bulk CSV zip of the district roster',
});
