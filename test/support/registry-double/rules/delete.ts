/** Soft and permanent deletes of versions and subjects (docs/registry-semantics.md §5), checks in the real server's order. */
import { errors } from '../errors';
import { QualifiedName, contextPrefix, isValidSubject, parseQualified, qualify } from '../names';
import type { ResolvedOptions } from '../options';
import { effectiveMode, isReadOnly } from '../scopes';
import { RegistryState, StoredVersion, hasLive, latestLive, sortedVersionsOf } from '../state';
import { parseVersionId } from './version-id';

export function deleteVersion(
  state: RegistryState,
  options: ResolvedOptions,
  rawSubject: string,
  rawVersion: string,
  permanent: boolean,
): number {
  const name = parseQualified(rawSubject);
  const versionId = parseVersionId(rawVersion);
  const subject = state.subject(name);
  if (!subject) throw errors.subjectNotFound(rawSubject);
  let target: StoredVersion | undefined;
  if (versionId === 'latest') {
    target = latestLive(subject) ?? (permanent ? sortedVersionsOf(subject).pop() : undefined);
  } else {
    target = subject.versions.get(versionId);
  }
  if (!target) throw errors.versionNotFound(rawVersion);
  if (permanent && !target.deleted) throw errors.versionNotSoftDeleted(rawSubject, target.version);
  if (!permanent && target.deleted) throw errors.versionSoftDeleted(rawSubject, target.version);
  assertWritable(state, options, name);
  const referrers = state.referrersOf(target, true);
  if (referrers.length > 0) throw referenceExists(target);
  if (permanent) {
    state.remove(target);
    dropSubjectSettingsIfEmpty(state, name);
  } else {
    target.deleted = true;
  }
  return target.version;
}

export function deleteSubject(state: RegistryState, options: ResolvedOptions, rawSubject: string, permanent: boolean): number[] {
  if (!isValidSubject(rawSubject, false)) throw errors.invalidSubject(rawSubject);
  const name = parseQualified(rawSubject);
  const subject = state.subject(name);
  if (!subject || subject.versions.size === 0) throw errors.subjectNotFound(rawSubject);
  if (!permanent && !hasLive(subject)) throw errors.subjectSoftDeleted(rawSubject);
  if (permanent && hasLive(subject)) throw errors.subjectNotSoftDeleted(rawSubject);
  assertWritable(state, options, name);
  const affected = sortedVersionsOf(subject).filter((v) => permanent || !v.deleted);
  const outside = (r: StoredVersion) => r.context !== name.context || r.subject !== name.subject;
  for (const v of affected) {
    // A live schema of another subject referencing one of these versions blocks the delete.
    if (state.referrersOf(v, true).some(outside)) throw referenceExists(v);
  }
  if (permanent) {
    for (const v of [...affected].reverse()) state.remove(v);
    dropSubjectSettingsIfEmpty(state, name);
  } else {
    for (const v of affected) v.deleted = true;
  }
  return affected.map((v) => v.version);
}

/** A permanent delete that leaves the subject without versions also deletes its mode and config. */
function dropSubjectSettingsIfEmpty(state: RegistryState, name: QualifiedName): void {
  if (state.subject(name)) return;
  state.modes.delete(qualify(name));
  state.configs.delete(qualify(name));
}

function assertWritable(state: RegistryState, options: ResolvedOptions, name: QualifiedName): void {
  if (isReadOnly(effectiveMode(state, options, qualify(name)))) {
    throw errors.notPermitted(`Subject ${qualify(name)} in context ${contextPrefix(name.context)} is in read-only mode`);
  }
}

function referenceExists(v: StoredVersion) {
  return errors.referenceExists(
    `One or more references exist to the schema {magic=1,keytype=SCHEMA,subject=${v.qualified},version=${v.version}}.`,
  );
}
