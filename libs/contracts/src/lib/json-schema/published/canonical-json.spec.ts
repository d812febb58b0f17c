import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order, indents by two and ends with a newline', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{\n  "a": {\n    "c": null,\n    "d": [\n      3,\n      {\n        "y": 2,\n        "z": 1\n' +
        '      }\n    ]\n  },\n  "b": 1\n}\n',
    );
  });

  it('spells equal values identically, whatever order their keys were built in', () => {
    expect(canonicalJson({ x: 1, y: { p: 'a', q: 'b' } })).toBe(
      canonicalJson({ y: { q: 'b', p: 'a' }, x: 1 }),
    );
  });

  it('keeps a "__proto__" key as data', () => {
    expect(canonicalJson(JSON.parse('{"__proto__": 1, "a": 2}'))).toBe(
      '{\n  "__proto__": 1,\n  "a": 2\n}\n',
    );
  });
});
