/** How the subject-versions were read (reported, so operators and tests can see the path taken). */
export type SchemaReadMethod =
  /** `GET /schemas?subjectPrefix=:*:&deleted=true` pages carrying the `deleted` flag (8.0+). */
  | 'bulk'
  /** Two bulk listings (with and without deleted); deleted = the difference (7.x, docs/registry-semantics.md §12.12). */
  | 'bulk-two-listings'
  /** `/subjects?deleted=true`, then each subject's versions and each version (any server). */
  | 'per-subject';

export interface ReadSchemasOptions {
  /** Requests in flight at once. @default 16 */
  readonly concurrency?: number;
  /** `limit` asked for per `/schemas` page; the server may cap it (1000 since 7.4.1). @default 1000 */
  readonly pageSize?: number;
  /** Force one method; `auto` tries bulk and falls back to per-subject. @default 'auto' */
  readonly method?: 'auto' | 'bulk' | 'per-subject';
  /** Called with the number of subject-versions read so far. */
  readonly onSchemas?: (done: number, total?: number) => void;
  /** Notes for the operator (for example why the bulk path was abandoned). */
  readonly log?: (line: string) => void;
  /**
   * The server's version when known: before 8.0 listings carry no `deleted` flag, so both
   * listings are fetched at once instead of one after the other.
   * @default unknown (decided from the first page)
   */
  readonly serverVersion?: string;
}
