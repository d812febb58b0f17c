import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

/** Thrown at start-up when the environment is unusable; the message names every bad variable. */
export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n  - ${problems.join('\n  - ')}`);
    this.name = 'InvalidEnvironmentError';
  }
}

function describe(error: ValidationError): string {
  const reasons = Object.values(error.constraints ?? {}).join('; ');
  return `${error.property}=${JSON.stringify(error.value)}: ${reasons}`;
}

/**
 * Builds a validator for `ConfigModule.forRoot({ validate })`: parses the raw environment into the
 * typed class (applying its defaults and conversions) and fails fast, naming the bad variables.
 */
export function validateEnvironment<T extends object>(
  schema: ClassConstructor<T>,
): (raw: Record<string, unknown>) => T {
  return (raw) => {
    const parsed = plainToInstance(schema, raw, { enableImplicitConversion: true });
    const errors = validateSync(parsed, { skipMissingProperties: false, whitelist: false });
    const problems = errors.map(describe);
    if (problems.length === 0 && hasCrossFieldRules(parsed))
      problems.push(...parsed.crossFieldProblems());
    if (problems.length > 0) throw new InvalidEnvironmentError(problems);
    return parsed;
  };
}

interface CrossFieldRules {
  crossFieldProblems(): string[];
}

function hasCrossFieldRules(value: object): value is CrossFieldRules {
  return typeof (value as Partial<CrossFieldRules>).crossFieldProblems === 'function';
}
