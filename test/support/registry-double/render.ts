/**
 * JSON shapes per emulated version (docs/registry-semantics.md §1): NON_EMPTY (absent/empty fields omitted),
 * `schemaType` omitted for AVRO before 8.0, `guid` and `deleted` only from 8.0, `ts` from 7.6.
 */
import type { SchemaContent } from './content';
import type { ResolvedOptions } from './options';
import type { StoredVersion } from './state';

type Json = Record<string, unknown>;

function contentFields(out: Json, content: SchemaContent, options: ResolvedOptions): void {
  if (content.schemaType !== 'AVRO' || options.version.atLeast('8.0.0')) out.schemaType = content.schemaType;
  if (content.references) out.references = content.references;
  if (content.metadata) out.metadata = content.metadata;
  if (content.ruleSet) out.ruleSet = content.ruleSet;
}

/** Schema entity (GET /subjects/{s}/versions/{v}, elements of GET /schemas). */
export function renderSchema(v: StoredVersion, options: ResolvedOptions): Json {
  const out: Json = { subject: v.qualified, version: v.version, id: v.id };
  if (options.version.atLeast('8.0.0')) out.guid = v.content.guid;
  contentFields(out, v.content, options);
  out.schema = v.content.schema;
  if (options.version.atLeast('7.6.0')) out.ts = v.ts;
  if (options.version.atLeast('8.0.0')) out.deleted = v.deleted;
  return out;
}

/** RegisterSchemaResponse: `{id}` up to 7.4, the full schema from 7.5. */
export function renderRegisterResponse(v: StoredVersion, options: ResolvedOptions): Json {
  if (!options.version.atLeast('7.5.0')) return { id: v.id };
  const out: Json = { id: v.id, version: v.version };
  if (options.version.atLeast('8.0.0')) out.guid = v.content.guid;
  contentFields(out, v.content, options);
  out.schema = v.content.schema;
  if (options.version.atLeast('8.0.0')) {
    out.ts = v.ts;
    out.deleted = v.deleted;
  }
  return out;
}

/** SchemaString (GET /schemas/ids/{id}); `subject`/`version` from 8.0 when `?subject=` names a holder. */
export function renderSchemaString(
  content: SchemaContent,
  options: ResolvedOptions,
  extra: { holder?: StoredVersion; maxId?: number },
): Json {
  const out: Json = { schema: content.schema };
  contentFields(out, content, options);
  if (options.version.atLeast('8.0.0')) {
    if (extra.holder) {
      out.subject = extra.holder.qualified;
      out.version = extra.holder.version;
    }
    out.guid = content.guid;
  }
  if (extra.maxId !== undefined) out.maxId = extra.maxId;
  return out;
}
