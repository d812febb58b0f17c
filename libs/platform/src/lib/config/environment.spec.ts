import { Type } from 'class-transformer';
import { IsInt, IsString, Max, Min } from 'class-validator';
import { InvalidEnvironmentError, validateEnvironment } from './validate-environment';

class ExampleEnvironment {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsString()
  DATABASE_URL!: string;
}

describe('validateEnvironment', () => {
  const validate = validateEnvironment(ExampleEnvironment);

  it('applies defaults and converts types', () => {
    const env = validate({ DATABASE_URL: 'postgres://x' });
    expect(env.PORT).toBe(3000);
    expect(validate({ DATABASE_URL: 'postgres://x', PORT: '4000' }).PORT).toBe(4000);
  });

  it('fails fast naming every bad variable', () => {
    const validating = () => validate({ PORT: '70000' });

    expect(validating).toThrow(InvalidEnvironmentError);
    expect(validating).toThrow(/PORT=70000: PORT must not be greater than 65535/);
    expect(validating).toThrow(/DATABASE_URL=undefined: DATABASE_URL must be a string/);
  });
});
