import * as fs from 'fs';
import * as path from 'path';

/** The Control Tower rule files bundled with @cdklabs/cdk-validator-cfnguard. */
export const CONTROL_TOWER_RULES_DIR = path.join(
  path.dirname(require.resolve('@cdklabs/cdk-validator-cfnguard/package.json')),
  'rules',
  'control-tower',
  'cfn-guard',
);

/** A bundled rule file: its name (`ct-s3-pr-2`) and the resource types its header says it reports on. */
export interface ControlTowerRuleFile {
  readonly name: string;
  readonly reportsOn: readonly string[];
}

let cache: ControlTowerRuleFile[] | undefined;

/** Every bundled rule file with the `# Reports on:` resource types of its header. */
export function controlTowerRuleFiles(): readonly ControlTowerRuleFile[] {
  cache ??= fs.readdirSync(CONTROL_TOWER_RULES_DIR).flatMap((service) =>
    fs.readdirSync(path.join(CONTROL_TOWER_RULES_DIR, service)).map((file) => ({
      name: path.parse(file).name,
      reportsOn: reportsOn(fs.readFileSync(path.join(CONTROL_TOWER_RULES_DIR, service, file), 'utf8')),
    })),
  );
  return cache;
}

/**
 * Rule files none of whose resource types occur in `resourceTypes`: they can only be
 * "not applicable", and cfn-guard spends most of its time on them (about 40 of the 237 rules
 * apply to this app). A new resource type brings its rules back automatically. A rule whose header
 * names no type is always kept.
 */
export function inapplicableRules(resourceTypes: ReadonlySet<string>): string[] {
  return controlTowerRuleFiles()
    .filter((rule) => rule.reportsOn.length > 0 && !rule.reportsOn.some((type) => resourceTypes.has(type)))
    .map((rule) => rule.name);
}

function reportsOn(ruleText: string): string[] {
  const match = /^# Reports on:\s*\n((?:#\s+AWS::\S+[^\n]*\n)+)/m.exec(ruleText);
  if (!match) return [];
  return match[1]
    .split('\n')
    .map((line) => line.replace(/^#\s*/, '').trim())
    .filter((line) => line.startsWith('AWS::'));
}
