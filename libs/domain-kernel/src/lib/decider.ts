/**
 * An aggregate as three pure functions (the "decider" pattern): no framework, no I/O, no clock.
 * `decide` throws a DomainError to refuse a command.
 */
export interface Decider<Command, State, Event> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}
