import { randomUUID } from 'node:crypto';

/** Time and ids come from here, never from `new Date()` in logic, so tests can pin them. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

export abstract class IdGenerator {
  abstract newId(): string;
}

export class RandomUuidGenerator extends IdGenerator {
  newId(): string {
    return randomUUID();
  }
}
