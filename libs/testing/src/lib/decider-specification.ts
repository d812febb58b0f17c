import type { Decider } from '@ledgerline/domain-kernel';

/**
 * Any class whose instances are `Err`. Matched through `prototype` rather than a constructor
 * signature so that errors with private constructors (built through named constructors such as
 * `InsufficientFunds.forWithdrawal`) can be named too.
 */
export interface ErrorClass<Err extends Error> {
  readonly prototype: Err;
  readonly name: string;
}

/**
 * Given/when/then for deciders, so a test reads as the rule it checks:
 *
 * ```ts
 * const spec = DeciderSpecification.for(accountDecider);
 * spec.given([accountOpened]).when(withdraw('50.00')).then([moneyWithdrawn]);
 * spec.given([]).when(withdraw('50.00')).thenThrows(NotFoundError, (error) => ...);
 * ```
 *
 * `given` events are folded with `evolve` from `initialState()`, exactly as a repository would
 * rebuild the aggregate, so tests exercise decide and evolve together and never hand-build state.
 */
export class DeciderSpecification<Command, State, Event> {
  private constructor(private readonly decider: Decider<Command, State, Event>) {}

  static for<Command, State, Event>(
    decider: Decider<Command, State, Event>,
  ): DeciderSpecification<Command, State, Event> {
    return new DeciderSpecification(decider);
  }

  given(events: readonly Event[]): GivenEvents<Command, Event> {
    const { decider } = this;
    return {
      when(command: Command): WhenCommand<Event> {
        const decide = (): Event[] => {
          // Folded per assertion, not once, so nothing `decide` might mutate leaks between checks.
          const state = events.reduce(
            (current, event) => decider.evolve(current, event),
            decider.initialState(),
          );
          return decider.decide(command, state);
        };
        return new WhenCommand(decide);
      },
    };
  }
}

export interface GivenEvents<Command, Event> {
  when(command: Command): WhenCommand<Event>;
}

export class WhenCommand<Event> {
  constructor(private readonly decide: () => Event[]) {}

  /** The command is accepted and records exactly these events, in this order. */
  then(expectedEvents: readonly Event[]): void {
    expect(this.decide()).toStrictEqual(expectedEvents);
  }

  /** The command is accepted and changes nothing (an idempotent repeat, say). */
  thenNothingHappened(): void {
    expect(this.decide()).toStrictEqual([]);
  }

  /**
   * The command is refused with an instance of `errorClass`; `assert` then checks the error's
   * details (problem type, field, message) with ordinary `expect` calls.
   */
  thenThrows<Err extends Error>(errorClass: ErrorClass<Err>, assert?: (error: Err) => void): void {
    let events: Event[];
    try {
      events = this.decide();
    } catch (error) {
      expect(error).toBeInstanceOf(errorClass);
      assert?.(error as Err);
      return;
    }
    throw new Error(
      `Expected the command to be refused with ${errorClass.name}, but it was accepted and ` +
        `recorded ${events.length} event(s): ${describeEvents(events)}`,
    );
  }
}

function describeEvents(events: readonly unknown[]): string {
  const types = events.map((event) =>
    typeof event === 'object' && event !== null && 'type' in event ? String(event.type) : '?',
  );
  return types.length === 0 ? 'none' : types.join(', ');
}
