import type { LatestEventEnvelope } from '@ledgerline/contracts';
import type { Step } from '../../src/views/shared/projection-step';

type Evolve<Doc> = (doc: Doc | null, event: LatestEventEnvelope) => Step<Doc>;

/**
 * Given/when/then for a view's pure evolve:
 * `spec.given([opened, deposited]).when(withdrawn).thenDocument((doc) => ...)`. The given events
 * must all apply, exactly as a projector would have folded them.
 */
export class ViewSpecification<Doc> {
  private constructor(private readonly evolve: Evolve<Doc>) {}

  static for<Doc>(evolve: Evolve<Doc>): ViewSpecification<Doc> {
    return new ViewSpecification(evolve);
  }

  given(events: readonly LatestEventEnvelope[]) {
    const evolve = this.evolve;
    const state = events.reduce<Doc | null>((doc, event) => {
      const step = evolve(doc, event);
      if (step.kind !== 'applied') {
        throw new Error(
          `given event ${event.type} v${event.streamVersion} did not apply: ${step.kind}`,
        );
      }
      return step.doc;
    }, null);
    return {
      when: (event: LatestEventEnvelope) => new ViewStep(evolve(state, event), state),
    };
  }
}

export class ViewStep<Doc> {
  constructor(
    readonly step: Step<Doc>,
    private readonly before: Doc | null,
  ) {}

  /** The event applied; `assert` checks the document it produced. */
  thenDocument(assert: (doc: Doc, before: Doc | null) => void): void {
    if (this.step.kind !== 'applied') throw new Error(`expected applied, got ${this.step.kind}`);
    assert(this.step.doc, this.before);
  }

  thenDuplicate(): void {
    expect(this.step).toEqual({ kind: 'duplicate' });
  }

  thenGap(reason: string | RegExp): void {
    expect(this.step.kind).toBe('gap');
    if (this.step.kind === 'gap') expect(this.step.reason).toMatch(reason);
  }

  thenIgnored(): void {
    expect(this.step).toEqual({ kind: 'ignored' });
  }
}
