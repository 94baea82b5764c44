/**
 * READWRITE registrations take metadata and ruleSet from the previous live version when the request
 * has none, and stamp `confluent:version` (`maybeSetMetadataRuleSet`). IMPORT skips this (docs/registry-semantics.md §4.2
 * step 3), which is why importers must send metadata and ruleSet on every version (docs/registry-semantics.md §12.13).
 * Config default/override metadata and ruleSets are not merged by the double.
 */
import { SchemaContent, makeContent } from '../content';
import type { StoredVersion } from '../state';

const CONFLUENT_VERSION = 'confluent:version';

/**
 * The content as the server would store it. `stampVersion`: the new version number to write into
 * `confluent:version` when the request named a version or the metadata already carries one;
 * undefined for the pre-check lookup, which never stamps. Returns `content` itself when nothing changes.
 */
export function inheritFromPrevious(
  content: SchemaContent,
  previous: StoredVersion | undefined,
  stamp?: { newVersion: number; requestNamedVersion: boolean },
): SchemaContent {
  let metadata = content.metadata ?? previous?.content.metadata;
  const ruleSet = content.ruleSet ?? previous?.content.ruleSet;
  if (stamp && (stamp.requestNamedVersion || confluentVersion(metadata) !== undefined)) {
    const properties = { ...((metadata?.properties as Record<string, unknown> | undefined) ?? {}) };
    properties[CONFLUENT_VERSION] = String(stamp.newVersion);
    metadata = { ...(metadata ?? {}), properties };
  }
  if (metadata === content.metadata && ruleSet === content.ruleSet) return content;
  return makeContent({ ...content, metadata, ruleSet });
}

function confluentVersion(metadata: Record<string, unknown> | undefined): unknown {
  const properties = metadata?.properties as Record<string, unknown> | undefined;
  return properties?.[CONFLUENT_VERSION];
}
