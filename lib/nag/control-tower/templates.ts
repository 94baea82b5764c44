import * as fs from 'fs';

/** The parts of a synthesized CloudFormation template the checks read. */
export interface Template {
  readonly Resources?: Record<string, { readonly Type: string; readonly Properties?: Record<string, unknown> }>;
  readonly Outputs?: Record<string, { readonly Value: unknown; readonly Export?: { readonly Name?: unknown } }>;
}

/** Templates by path, read once per validation. */
export type Templates = ReadonlyMap<string, Template>;

export function readTemplates(paths: readonly string[]): Templates {
  return new Map(paths.map((p) => [p, JSON.parse(fs.readFileSync(p, 'utf8')) as Template]));
}

/** Every resource type in the templates. */
export function resourceTypes(templates: Templates): Set<string> {
  return new Set([...templates.values()].flatMap((t) => Object.values(t.Resources ?? {}).map((r) => r.Type)));
}

/**
 * The type of the resource `value` refers to: a `Ref` or `Fn::GetAtt` in the same template, or an
 * `Fn::ImportValue` of an export another template of the assembly declares (a strong cross-stack
 * reference), followed to the resource behind that export. Undefined for anything else, including
 * literals, parameters and `Fn::GetStackOutput`.
 */
export function referencedType(value: unknown, templatePath: string, templates: Templates): string | undefined {
  const local = localTarget(value);
  if (local !== undefined) return templates.get(templatePath)?.Resources?.[local]?.Type;
  const exportName = (value as Record<string, unknown> | null)?.['Fn::ImportValue'];
  if (typeof exportName !== 'string') return undefined;
  for (const [otherPath, template] of templates) {
    for (const output of Object.values(template.Outputs ?? {})) {
      if (output.Export?.Name !== exportName) continue;
      const target = localTarget(output.Value);
      return target === undefined ? undefined : templates.get(otherPath)?.Resources?.[target]?.Type;
    }
  }
  return undefined;
}

function localTarget(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.Ref === 'string') return record.Ref;
  const getAtt = record['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  return undefined;
}
