import type { Request } from 'express';
import { routeTemplate } from './route-template';

const requestAt = (baseUrl: string, path?: string) =>
  ({ baseUrl, route: path === undefined ? undefined : { path } }) as unknown as Request;

describe('routeTemplate', () => {
  it('names a matched route by its template, not its URL', () => {
    expect(routeTemplate(requestAt('', '/accounts/:id/deposits'))).toBe('/accounts/:id/deposits');
  });

  it('drops the optional wildcard Express 5 gives middleware-mounted handlers', () => {
    expect(routeTemplate(requestAt('', '/graphql{/*splat}'))).toBe('/graphql');
    expect(routeTemplate(requestAt('/api', '{/*splat}'))).toBe('/api');
  });

  it('is undefined when no route matched', () => {
    expect(routeTemplate(requestAt(''))).toBeUndefined();
  });
});
