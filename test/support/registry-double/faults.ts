/** Fault injection rules: each matches method and path and fires `times` times. */

export interface FaultMatch {
  /** HTTP method to match (any when absent). */
  method?: string;
  /** Tested against the raw request path with query, and against its percent-decoded form. */
  path?: RegExp;
  /** How many matching requests the rule fires on. @default 1 */
  times?: number;
}

export type Fault =
  { kind: 'fail'; status: number; errorCode: number } | { kind: 'landThenTimeout' } | { kind: 'drop'; afterApplying: boolean };

interface Rule {
  readonly match: FaultMatch;
  readonly fault: Fault;
  remaining: number;
}

export class FaultInjector {
  private rules: Rule[] = [];

  add(match: FaultMatch, fault: Fault): void {
    const times = match.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error(`Registry double: fault "times" must be an integer >= 1, got ${times}.`);
    this.rules.push({ match, fault, remaining: times });
  }

  clear(): void {
    this.rules = [];
  }

  /** The first rule matching this request, consumed once. */
  take(method: string, rawUrl: string): Fault | undefined {
    if (this.rules.length === 0) return undefined;
    let decoded = rawUrl;
    try {
      decoded = decodeURIComponent(rawUrl);
    } catch {
      // keep the raw form
    }
    const rule = this.rules.find(
      (r) =>
        (r.match.method === undefined || r.match.method.toUpperCase() === method) &&
        (r.match.path === undefined || testRegex(r.match.path, rawUrl) || testRegex(r.match.path, decoded)),
    );
    if (!rule) return undefined;
    rule.remaining--;
    if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
    return rule.fault;
  }
}

/** RegExp.test without the `lastIndex` state of /g and /y patterns. */
function testRegex(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  return re.test(s);
}
