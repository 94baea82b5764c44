/**
 * Models of the two Java parsers a secret passes through after the entrypoint, so tests can prove
 * the escaping round-trips: java.util.Properties.load (password files, Kafka's FileConfigProvider)
 * and the quoted-string rule of the JDK's JAAS file parser (StreamTokenizer).
 */

/**
 * Value as java.util.Properties.load reads it (the text after the separator): leading whitespace
 * is skipped, then a backslash escapes the next character.
 */
export function propertiesUnescape(text: string): string {
  const raw = text.replace(/^[ \t\f]+/, '');
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c !== '\\' || i === raw.length - 1) {
      out += c;
      continue;
    }
    const next = raw[++i];
    if (next === 'u') {
      out += String.fromCharCode(parseInt(raw.slice(i + 1, i + 5), 16));
      i += 4;
    } else {
      out += { t: '\t', n: '\n', r: '\r', f: '\f' }[next] ?? next;
    }
  }
  return out;
}

/** Values of `key="..."` options in a JAAS config entry, with StreamTokenizer's quote escapes. */
export function jaasOptions(config: string): Record<string, string> {
  const options: Record<string, string> = {};
  const pattern = /([A-Za-z]+)="((?:[^"\\]|\\.)*)"/g;
  for (const match of config.matchAll(pattern)) {
    options[match[1]] = match[2].replace(/\\(.)/g, '$1');
  }
  return options;
}
