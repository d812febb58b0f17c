import { IsEmail, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { classSchema } from './class-schema';
import { IsNullable } from '../wire/nullable';
import { IsPositiveMinorUnits } from '../wire/wire-decorators';

describe('classSchema', () => {
  it('maps the supported decorators, in declaration order, all properties required', () => {
    class Sample {
      @IsString()
      @MaxLength(10)
      name!: string;

      @IsInt()
      @Min(1)
      count!: number;

      @IsNullable()
      @IsString()
      note!: string | null;

      @IsPositiveMinorUnits()
      amount!: string;
    }

    expect(classSchema(Sample, { closed: true })).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string', maxLength: 10 },
        count: { type: 'integer', minimum: 1 },
        note: { type: ['string', 'null'] },
        amount: {
          description: expect.stringContaining('minor units'),
          type: 'string',
          pattern: '^[1-9][0-9]*$',
        },
      },
      required: ['name', 'count', 'note', 'amount'],
      additionalProperties: false,
    });
  });

  it('leaves the object open when asked (envelopes tolerate new fields)', () => {
    class Open {
      @IsString()
      name!: string;
    }

    expect(classSchema(Open, { closed: false })).not.toHaveProperty('additionalProperties');
  });

  describe('refuses what it cannot express, rather than publishing a looser schema', () => {
    it('an unmapped decorator, naming the file to extend', () => {
      class WithEmail {
        @IsEmail()
        email!: string;
      }

      expect(() => classSchema(WithEmail, { closed: true })).toThrow(
        'WithEmail.email: no JSON Schema mapping for validation "isEmail"; ' +
          'extend libs/contracts/src/lib/json-schema/property-schema.ts',
      );
    });

    it('a condition other than IsNullable', () => {
      class WithOptional {
        @IsOptional()
        @IsString()
        note?: string;
      }

      expect(() => classSchema(WithOptional, { closed: true })).toThrow(
        'WithOptional.note: no JSON Schema mapping for validation "isOptional"',
      );
    });

    it('a pattern with flags, which JSON Schema cannot carry', () => {
      class WithFlags {
        @Matches(/^[a-z]+$/i)
        code!: string;
      }

      expect(() => classSchema(WithFlags, { closed: true })).toThrow(
        'WithFlags.code: unsupported Matches pattern /^[a-z]+$/i: use a RegExp without flags',
      );
    });

    it('a property whose JSON type no validator states', () => {
      class Untyped {
        @MaxLength(3)
        code!: string;
      }

      expect(() => classSchema(Untyped, { closed: true })).toThrow(
        'Untyped.code: no validator states its JSON type (add e.g. @IsString())',
      );
    });

    it('validators that disagree on the type', () => {
      class Confused {
        @IsString()
        @IsInt()
        value!: string;
      }

      expect(() => classSchema(Confused, { closed: true })).toThrow(
        'Confused.value: conflicting "type"',
      );
    });
  });
});
