import { parseSoakOptions } from './options';

describe('soak options', () => {
  it('runs the documented full form by default and records it in the docs', () => {
    expect(parseSoakOptions([])).toMatchObject({
      profile: 'full',
      durationSeconds: 600,
      rounds: 4,
      writeDocs: true,
      selfTest: false,
    });
  });

  it('keeps the short form and any variation of the full one out of the docs unless asked', () => {
    expect(parseSoakOptions(['--short'])).toMatchObject({
      durationSeconds: 90,
      rounds: 1,
      writeDocs: false,
    });
    expect(parseSoakOptions(['--rounds', '3', '--duration', '40'])).toMatchObject({
      writeDocs: false,
    });
    expect(parseSoakOptions(['--faults', 'ferretdb'])).toMatchObject({
      faults: ['ferretdb'],
      writeDocs: false,
    });
    expect(parseSoakOptions(['--short', '--write-docs'])).toMatchObject({ writeDocs: true });
  });

  it('names the bad flag in one line', () => {
    expect(() => parseSoakOptions(['--rounds', 'many'])).toThrow(
      "--rounds must be a positive integer, got 'many'",
    );
    expect(() => parseSoakOptions(['--faults', 'kafka,zookeeper'])).toThrow(
      "--faults: unknown component 'zookeeper'",
    );
    expect(() => parseSoakOptions(['--frobnicate'])).toThrow(/frobnicate/);
  });

  it('answers --help', () => {
    expect(parseSoakOptions(['--help'])).toBe('help');
  });
});
