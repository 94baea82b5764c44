import type { Inventory } from './inventory';

/** The inventory as readable text (`sr-migrate assess` without --json). */
export function renderInventory(inventory: Inventory & { readonly source?: string }): string {
  const t = inventory.totals;
  const lines: string[] = [
    `Registry ${inventory.source ?? ''} (server ${inventory.serverVersion ?? 'before 7.3 or unknown'})`.replace('  ', ' '),
    '',
    `Totals: ${t.subjects} subject(s), ${t.versions} version(s), ${t.ids} id(s); soft-deleted: ${t.softDeletedVersions} version(s), ${t.softDeletedSubjects} whole subject(s)`,
    `Types: AVRO ${t.byType.AVRO}, PROTOBUF ${t.byType.PROTOBUF}, JSON ${t.byType.JSON}`,
    '',
    'Per context:',
  ];
  for (const c of inventory.contexts) {
    lines.push(
      `  ${c.context.padEnd(12)} ${c.subjects} subject(s), ${c.versions} version(s) ` +
        `(AVRO ${c.byType.AVRO}, PROTOBUF ${c.byType.PROTOBUF}, JSON ${c.byType.JSON}), ` +
        `soft-deleted ${c.softDeletedVersions} version(s)/${c.softDeletedSubjects} subject(s), max id ${c.maxId ?? 'n/a'}`,
    );
  }
  const r = inventory.references;
  lines.push(
    '',
    `References: ${r.versionsWithReferences} version(s) with references, ${r.referencedVersions} referenced, deepest chain ${r.maxDepth}`,
  );
  lines.push('', `Configs set (${inventory.configs.length}):`);
  for (const c of inventory.configs) lines.push(`  ${scopeLabel(c.scope)}: ${JSON.stringify(c.config)}`);
  lines.push(`Modes set (${inventory.modes.length}):`);
  for (const m of inventory.modes) lines.push(`  ${scopeLabel(m.scope)}: ${m.mode}`);
  lines.push('', 'Largest schemas:');
  for (const s of inventory.largestSchemas) lines.push(`  ${s.bytes} bytes  ${JSON.stringify(s.subject)} v${s.version} (id ${s.id})`);
  const e = inventory.estimate;
  const b = e.breakdown;
  lines.push(
    '',
    `Estimated import: ${e.writes} write(s) ≈ ${formatDuration(e.seconds)} ` +
      `(${b.registrations} registrations, ${b.softDeletes} soft deletes, ${b.idReservations} id-reservation writes, ` +
      `${b.configs} configs, ${b.modes} modes, ${b.contextEntries} IMPORT/context entries)`,
    `  assumption: ${e.assumption}`,
  );
  return `${lines.join('\n')}\n`;
}

function scopeLabel(scope: string): string {
  return scope === '' ? '(top level)' : JSON.stringify(scope);
}

function formatDuration(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 120 ? `${minutes} min` : `${(minutes / 60).toFixed(1)} h`;
}
