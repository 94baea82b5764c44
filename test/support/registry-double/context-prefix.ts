/**
 * The URL-prefix form of contexts, `/contexts/{ctx}/subjects/...` etc. (the real server's `ContextFilter`,
 * docs/registry-semantics.md §6): the subject segment is qualified with the context, listings get `subjectPrefix=:.ctx:`
 * and id lookups `subject=:.ctx:`. Rewrites to the plain form before routing.
 */

/** Returns the rewritten raw path and mutates `query`; paths without the prefix come back unchanged. */
export function rewriteContextPrefix(rawPath: string, query: URLSearchParams): string {
  const match = /^\/contexts\/([^/]+)\/(.+)$/.exec(rawPath);
  if (!match) return rawPath;
  let context = safeDecode(match[1]);
  if (!context.startsWith('.')) context = `.${context}`;
  const prefix = context === '.' ? '' : `:${context}:`;
  const rest = match[2].split('/');
  const qualifySegment = (segment: string) => {
    const subject = safeDecode(segment);
    return encodeURIComponent(subject.startsWith(':.') || subject.startsWith(':*:') ? subject : prefix + subject);
  };
  const prefixParam = (name: string) => query.set(name, prefix + (query.get(name) ?? ''));
  switch (rest[0]) {
    case 'subjects':
      if (rest.length >= 2) rest[1] = qualifySegment(rest[1]);
      else prefixParam('subjectPrefix');
      break;
    case 'schemas':
      if (rest[1] === 'ids') prefixParam('subject');
      else if (rest.length === 1) prefixParam('subjectPrefix');
      break;
    case 'config':
    case 'mode':
      if (rest.length >= 2) rest[1] = qualifySegment(rest[1]);
      else if (prefix !== '') rest.push(encodeURIComponent(prefix));
      break;
    default:
      break;
  }
  return `/${rest.join('/')}`;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
