import { request } from 'node:http';
import {
  All,
  Controller,
  Get,
  Module,
  Param,
  Post,
  type INestApplication,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import { MethodNotAllowedMiddleware } from './method-not-allowed.middleware';
import { ProblemDetailsFilter } from './problem-details.filter';

@Controller('things')
class ThingsController {
  @Get()
  list() {
    return [];
  }

  @Post()
  create() {
    return {};
  }

  @Get(':id')
  one(@Param('id') id: string) {
    return { id };
  }
}

@Controller('anything')
class AnyMethodController {
  @All()
  any() {
    return { ok: true };
  }
}

@Module({
  controllers: [ThingsController, AnyMethodController],
  providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
})
class TestModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(MethodNotAllowedMiddleware).forRoutes('*path');
  }
}

describe('MethodNotAllowedMiddleware (a real Nest app over HTTP)', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    app = await NestFactory.create(TestModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });

  afterAll(async () => {
    await app.close();
  });

  interface Answer {
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }

  /** node:http rather than fetch, which refuses to send TRACE. */
  const call = (method: string, path: string) =>
    new Promise<Answer>((resolve, reject) => {
      const outgoing = request(`${base}${path}`, { method }, (incoming) => {
        let body = '';
        incoming.on('data', (chunk: Buffer) => (body += chunk.toString()));
        incoming.on('end', () =>
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body }),
        );
      });
      outgoing.on('error', reject);
      outgoing.end();
    });

  it('answers a method no route of a known path takes with 405, Allow and Problem Details', async () => {
    const response = await call('TRACE', '/things');

    expect(response.status).toBe(405);
    expect(response.headers['allow']).toBe('GET, HEAD, OPTIONS, POST');
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(response.body)).toEqual({
      type: '/problems/method-not-allowed',
      title: 'Method not allowed',
      status: 405,
      detail: 'TRACE is not allowed here; allowed: GET, HEAD, OPTIONS, POST.',
      instance: '/things',
    });
  });

  it('derives the methods from the routes matching the path, parameters included', async () => {
    const response = await call('DELETE', '/things/42?force=true');

    expect(response.status).toBe(405);
    expect(response.headers['allow']).toBe('GET, HEAD, OPTIONS');
  });

  it('answers OPTIONS with 204 and Allow', async () => {
    const response = await call('OPTIONS', '/things/42');

    expect(response.status).toBe(204);
    expect(response.headers['allow']).toBe('GET, HEAD, OPTIONS');
  });

  it('lets the methods a route takes through, HEAD of a GET route included', async () => {
    expect((await call('GET', '/things/42')).status).toBe(200);
    expect((await call('POST', '/things')).status).toBe(201);
    expect((await call('HEAD', '/things')).status).toBe(200);
  });

  it('leaves unknown paths to the 404', async () => {
    const response = await call('TRACE', '/unknown');

    expect(response.status).toBe(404);
    expect(response.headers['allow']).toBeUndefined();
  });

  it('never refuses a method on a path served by a route that takes every method', async () => {
    expect((await call('PATCH', '/anything')).status).toBe(200);
  });
});
