import type { RegistrySnapshot } from '../format/snapshot';
import type { ImportPlan } from '../import';

/**
 * Subject-versions the target lacks or holds differently from the source, as the plan sees
 * them: to register (new, or replacing a version the source rewrote), to remove (gone from
 * the source), or to soft-delete. The lag a sync reports and alarms on.
 */
export function versionsBehind(plan: ImportPlan, source: RegistrySnapshot): number {
  const keys = new Set<string>(plan.removedVersionKeys);
  for (const registration of plan.registrations) keys.add(`${registration.subject}\u0000${registration.version}`);
  const deletedBySubject = new Map<string, number[]>();
  for (const record of source.schemas) {
    if (record.deleted) deletedBySubject.set(record.subject, [...(deletedBySubject.get(record.subject) ?? []), record.version]);
  }
  for (const planned of plan.deletes) {
    const versions = planned.kind === 'version' ? [planned.version] : (deletedBySubject.get(planned.subject) ?? []);
    for (const version of versions) keys.add(`${planned.subject}\u0000${version}`);
  }
  return keys.size;
}
