import type { ImportPlan, PlannedModeWrite } from './types';

/**
 * Human-readable plan for `sr-migrate import --dry-run`: counts per phase, then the
 * first items of each phase in the order they would be written.
 */
export interface RenderOptions {
  /**
   * Items listed per phase before "… and N more".
   * @default 10
   */
  readonly itemsPerPhase?: number;
}

export function renderPlan(plan: ImportPlan, options: RenderOptions = {}): string {
  const limit = options.itemsPerPhase ?? 10;
  const lines: string[] = [];
  const section = (title: string, items: readonly string[]): void => {
    lines.push(`${title}: ${items.length}`);
    for (const item of items.slice(0, limit)) lines.push(`    ${item}`);
    if (items.length > limit) lines.push(`    … and ${items.length - limit} more`);
  };

  lines.push(`Import plan: ${plan.totalWrites} write(s); target ${plan.targetEmpty ? 'is empty' : 'already holds schemas'}.`);
  lines.push(`  already on the target: ${plan.alreadyPresent} subject-version(s), ${plan.settingsAlreadyEqual} config/mode scope(s)`);
  if (plan.conflicts.length > 0) {
    lines.push('');
    section(
      `CONFLICTS (nothing will be written)`,
      plan.conflicts.map((conflict) => `[${conflict.kind}] ${conflict.message}`),
    );
  }
  if (plan.warnings.length > 0) {
    lines.push('');
    section('Warnings', plan.warnings);
  }
  lines.push('');
  section(
    `1. Enter IMPORT mode${plan.forceImportMode ? ' (force=true: the target is not empty)' : ''}`,
    plan.enterImport.map((write) => scopeLabel(write.scope)),
  );
  section('2. Set compatibility NONE during the import (target before 7.5)', plan.compatibilityOverrides.map(scopeLabel));
  section(
    '3. Register (reference order, explicit id and version)',
    plan.registrations.map(
      (r) =>
        `${JSON.stringify(r.subject)} v${r.version} id ${r.id} ${r.request.schemaType}${r.after.length > 0 ? ` (after ${r.after.length} reference(s))` : ''}`,
    ),
  );
  section(
    '4. Reserve the highest source id (placeholder, then soft-deleted)',
    plan.reservations.map((r) => `${JSON.stringify(r.subject)} v${r.version} id ${r.id}`),
  );
  section(
    '5. Soft-delete (referrers first)',
    plan.deletes.map((d) => (d.kind === 'subject' ? `subject ${JSON.stringify(d.subject)}` : `${JSON.stringify(d.subject)} v${d.version}`)),
  );
  section(
    '6. Configs',
    plan.configs.map(
      (c) => `${scopeLabel(c.scope)}: ${c.body ? `${c.deleteFirst ? 'DELETE then ' : ''}PUT ${JSON.stringify(c.body)}` : 'DELETE (unset)'}`,
    ),
  );
  section('7. Modes (narrowest scope first)', plan.modes.map(modeLabel));
  return lines.join('\n');
}

function scopeLabel(scope: string): string {
  return scope === '' ? '(top level)' : JSON.stringify(scope);
}

function modeLabel(write: PlannedModeWrite): string {
  return `${scopeLabel(write.scope)}: ${write.mode ? `${write.mode}${write.force ? ' (force)' : ''}` : 'unset (DELETE)'}`;
}
