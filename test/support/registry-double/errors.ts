/**
 * Errors the double answers with, named after the real server's `Errors.java` factories
 * (docs/registry-semantics.md §0.1). Each carries the HTTP status and Confluent `error_code`.
 */

export class RegistryHttpError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'RegistryHttpError';
  }
}

/**
 * An expected answer, not a bug: built without capturing a stack trace (capturing one costs
 * more than the rest of a 404 and shows only the double's own frames).
 */
function answer(status: number, code: number, message: string): RegistryHttpError {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new RegistryHttpError(status, code, message);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

const notFound = (code: number, message: string) => answer(404, code, message);
const unprocessable = (code: number, message: string) => answer(422, code, message);

export const errors = {
  httpNotFound: () => answer(404, 404, 'HTTP 404 Not Found'),
  methodNotAllowed: () => answer(405, 405, 'HTTP 405 Method Not Allowed'),
  unsupportedMediaType: () => answer(415, 415, 'HTTP 415 Unsupported Media Type'),
  badJson: (detail: string) => answer(400, 400, `Unrecognized or malformed JSON: ${detail}`),
  unauthorized: () => answer(401, 401, 'Unauthorized'),

  subjectNotFound: (subject: string) => notFound(40401, `Subject '${subject}' not found.`),
  versionNotFound: (version: number | string) => notFound(40402, `Version ${version} not found.`),
  schemaNotFound: (id?: number) => notFound(40403, id === undefined ? 'Schema not found' : `Schema ${id} not found`),
  subjectSoftDeleted: (subject: string) =>
    notFound(40404, `Subject '${subject}' was soft deleted.Set permanent=true to delete permanently`),
  subjectNotSoftDeleted: (subject: string) =>
    notFound(40405, `Subject '${subject}' was not deleted first before being permanently deleted`),
  versionSoftDeleted: (subject: string, version: number) =>
    notFound(40406, `Subject '${subject}' Version ${version} was soft deleted.Set permanent=true to delete permanently`),
  versionNotSoftDeleted: (subject: string, version: number) =>
    notFound(40407, `Subject '${subject}' Version ${version} was not deleted first before being permanently deleted`),
  subjectConfigNotSet: (subject: string) => notFound(40408, `Subject '${subject}' does not have subject-level compatibility configured`),
  subjectModeNotSet: (subject: string) => notFound(40409, `Subject '${subject}' does not have subject-level mode configured`),

  invalidSchema: (detail: string) => unprocessable(42201, `Invalid schema ${detail}`),
  invalidVersion: (version: string) =>
    unprocessable(
      42202,
      `The specified version '${version}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string "latest"`,
    ),
  invalidCompatibility: () =>
    unprocessable(
      42203,
      'Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive',
    ),
  invalidMode: (detail?: string) =>
    unprocessable(42204, detail ?? 'Invalid mode. Valid values are READWRITE, READONLY, READONLY_OVERRIDE, IMPORT, and FORWARD.'),
  notPermitted: (message: string) => unprocessable(42205, message),
  referenceExists: (message: string) => unprocessable(42206, message),
  idDoesNotMatch: (existing: number, requested: number) =>
    unprocessable(42207, `Schema already registered with id ${existing} instead of input id ${requested}`),
  invalidSubject: (subject: string) => unprocessable(42208, `The specified subject '${subject}' is not valid.`),
  contextNotEmpty: (context: string) => unprocessable(42211, `The specified context '${context}' is not empty.`),

  registerTimeout: () => answer(500, 50002, 'Register operation timed out'),
};
