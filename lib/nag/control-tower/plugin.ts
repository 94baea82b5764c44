import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import type {
  IPolicyValidationContext,
  IPolicyValidationPlugin,
  PolicyValidationPluginReport,
  PolicyViolatingResource,
  PolicyViolation,
} from 'aws-cdk-lib';
import * as fs from 'fs';
import * as path from 'path';
import { inapplicableRules } from './applicable-rules';
import { readTemplates, referencedType, resourceTypes, type Templates } from './templates';

/** Plugin name; acknowledgements of its findings read `control-tower::CT.S3.PR.2`. */
export const CONTROL_TOWER_PLUGIN_NAME = 'control-tower';

/** A value a control wants as a literal or a same-template reference, and the resource type it must name. */
export interface RequiredReference {
  readonly value: unknown;
  readonly type: string;
}

/**
 * A control whose check accepts a literal or a reference inside the same template only. The
 * environment's stacks share resources through `Fn::ImportValue` (docs/adr/0002), which the check
 * cannot follow; these are followed here instead, to the producing template's resource.
 */
export interface CrossStackReferenceCheck {
  /** Control id, e.g. `CT.CLOUDWATCH.PR.3`. */
  readonly control: string;
  /** The values the control checks on a violating resource; undefined when they are missing or malformed. */
  readonly references: (properties: Record<string, unknown>) => readonly RequiredReference[] | undefined;
  /** Why following the reference is enough (shown in the report). */
  readonly reason: string;
}

export interface ControlTowerChecksProps {
  /** Controls whose cross-stack references are followed (lib/nag/control-tower-suppressions.ts). */
  readonly crossStackReferences: readonly CrossStackReferenceCheck[];
}

/**
 * AWS Control Tower proactive controls (the cfn-guard rules bundled with
 * @cdklabs/cdk-validator-cfnguard) as a CDK policy-validation plugin:
 * - runs only the rules whose resource types occur in the templates (the rest can only be "not
 *   applicable", and skipping them makes the run about ten times faster);
 * - names each finding by its control id (`CT.S3.PR.2`), so acknowledgements read like the controls;
 * - accepts a finding that is only a cross-stack reference the rule cannot follow, after following
 *   it to a resource of the required type; the report's metadata lists each one.
 * Everything else fails the synth unless acknowledged in lib/nag/control-tower-suppressions.ts.
 */
export class ControlTowerChecks implements IPolicyValidationPlugin {
  readonly name = CONTROL_TOWER_PLUGIN_NAME;
  readonly version: string;
  private readonly crossStack: ReadonlyMap<string, CrossStackReferenceCheck>;

  constructor(props: ControlTowerChecksProps) {
    this.version = (
      JSON.parse(fs.readFileSync(require.resolve('@cdklabs/cdk-validator-cfnguard/package.json'), 'utf8')) as { version: string }
    ).version;
    this.crossStack = new Map(props.crossStackReferences.map((check) => [check.control, check]));
  }

  validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const templates = readTemplates(context.templatePaths);
    const guard = new CfnGuardValidator({ disabledRules: inapplicableRules(resourceTypes(templates)) });
    const followed: string[] = [];
    const violations: PolicyViolation[] = [];
    for (const violation of guard.validate(context).violations) {
      const control = controlId(violation);
      const check = this.crossStack.get(control);
      const remaining = violation.violatingResources.filter((resource) => {
        if (!check || !onlyCrossStackReferences(check, resource, templates)) return true;
        followed.push(`${control} ${path.basename(resource.templatePath ?? '')}/${resource.resourceLogicalId}`);
        return false;
      });
      if (remaining.length > 0) violations.push({ ...violation, ruleName: control, violatingResources: remaining });
    }
    return {
      success: violations.length === 0,
      violations,
      pluginVersion: this.version,
      metadata: followed.length > 0 ? { 'cross-stack references followed': followed.join(', ') } : undefined,
    };
  }
}

/** `CT.S3.PR.2` from the rule's message (`[CT.S3.PR.2]: Require ...`); the rule name when there is none. */
export function controlId(violation: Pick<PolicyViolation, 'description' | 'fix' | 'ruleName'>): string {
  const match = /\[(CT\.[A-Z0-9]+\.PR\.\d+)\]/.exec(`${violation.description} ${violation.fix ?? ''}`);
  return match ? match[1] : violation.ruleName;
}

function onlyCrossStackReferences(check: CrossStackReferenceCheck, resource: PolicyViolatingResource, templates: Templates): boolean {
  const templatePath = resource.templatePath;
  const logicalId = resource.resourceLogicalId;
  if (templatePath === undefined || logicalId === undefined) return false;
  const properties = templates.get(templatePath)?.Resources?.[logicalId]?.Properties;
  const references = properties ? check.references(properties) : undefined;
  if (!references || references.length === 0) return false;
  return references.every(
    ({ value, type }) => (typeof value === 'string' && value.trim() !== '') || referencedType(value, templatePath, templates) === type,
  );
}
