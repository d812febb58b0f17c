import type { LatestEventEnvelope } from '@ledgerline/contracts';

/** What one event does to one view document; decided by a view's pure `evolve`. */
export type Step<Doc> =
  | { readonly kind: 'applied'; readonly doc: Doc }
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'gap'; readonly reason: string }
  /** An event this view does not use (another stream type, say). */
  | { readonly kind: 'ignored' };

export const applied = <Doc>(doc: Doc): Step<Doc> => ({ kind: 'applied', doc });
export const duplicate = <Doc>(): Step<Doc> => ({ kind: 'duplicate' });
export const gap = <Doc>(reason: string): Step<Doc> => ({ kind: 'gap', reason });
export const ignored = <Doc>(): Step<Doc> => ({ kind: 'ignored' });

export type VersionCheck = 'next' | 'duplicate' | 'gap';

/**
 * The version guard (guarantee 5 of docs/guarantees.md): a view at version `viewVersion` of a
 * stream applies only `viewVersion + 1`, skips what it already has and waits for what is missing.
 */
export function checkVersion(viewVersion: number, event: LatestEventEnvelope): VersionCheck {
  if (event.streamVersion <= viewVersion) return 'duplicate';
  return event.streamVersion === viewVersion + 1 ? 'next' : 'gap';
}

export function gapReason(viewVersion: number, event: LatestEventEnvelope): string {
  return `view at version ${viewVersion}, event is version ${event.streamVersion}`;
}
