import {
  Catch,
  HttpException,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import {
  BusinessRuleViolation,
  ConcurrencyError,
  NotFoundError,
  StoreUnavailableError,
  ValidationError,
  VersionMismatchError,
} from '@ledgerline/domain-kernel';
import type { Request, Response } from 'express';
import { ProblemException, titleFromType, type ProblemDetails } from './problem';

/** The Problem Details `type` of each status the filter answers with (APIs document these). */
export const PROBLEM_TYPE_BY_STATUS = {
  400: '/problems/validation',
  401: '/problems/unauthenticated',
  403: '/problems/forbidden',
  404: '/problems/not-found',
  405: '/problems/method-not-allowed',
  409: '/problems/concurrent-modification',
  412: '/problems/precondition-failed',
  413: '/problems/payload-too-large',
  415: '/problems/unsupported-media-type',
  429: '/problems/rate-limited',
  503: '/problems/service-unavailable',
} as const satisfies Record<number, string>;

const STATUS_TYPES: Readonly<Record<number, string>> = PROBLEM_TYPE_BY_STATUS;

/** Express body-parser failures carry a `type` like `entity.parse.failed` and a 4xx status. */
interface BodyParserError {
  type: string;
  status: number;
  message: string;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  const candidate = error as Partial<BodyParserError> | null;
  return (
    typeof candidate?.type === 'string' &&
    candidate.type.startsWith('entity.') &&
    typeof candidate.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500
  );
}

/**
 * The one place errors become HTTP responses, so every error leaves in the same shape and no
 * layer below the controllers needs to know HTTP: the domain's taxonomy, Nest's HTTP
 * exceptions and body-parser failures all leave as RFC 9457 Problem Details. Anything else is a
 * bug of ours: logged with its stack, answered as 500 without internals.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = { ...this.toProblem(error), instance: request.originalUrl };
    if (error instanceof StoreUnavailableError) {
      // Expected while a dependency restarts: one line per request, not a stack trace.
      this.logger.warn(`${error.message}: ${String(error.cause)}`);
      response.setHeader('retry-after', String(error.retryAfterSeconds));
    } else if (problem.status >= 500) {
      this.logger.error(error instanceof Error ? error.stack : String(error));
    }
    response.status(problem.status).type('application/problem+json').json(problem);
  }

  private toProblem(error: unknown): ProblemDetails {
    if (error instanceof ProblemException) return error.problem;
    if (error instanceof BusinessRuleViolation) {
      return {
        type: error.problemType,
        title: titleFromType(error.problemType),
        status: 422,
        detail: error.message,
        ...error.details,
      };
    }
    if (error instanceof ValidationError) {
      return {
        type: '/problems/validation',
        title: 'Invalid request',
        status: 400,
        detail: error.message,
        errors: [{ field: error.field ?? 'body', message: error.message }],
      };
    }
    if (error instanceof NotFoundError) {
      return {
        type: '/problems/not-found',
        title: 'Not found',
        status: 404,
        detail: error.message,
      };
    }
    if (error instanceof VersionMismatchError) {
      return {
        type: '/problems/precondition-failed',
        title: 'Precondition failed',
        status: 412,
        detail: error.message,
        currentVersion: error.actualVersion,
      };
    }
    if (error instanceof StoreUnavailableError) {
      return {
        type: '/problems/service-unavailable',
        title: 'Service unavailable',
        status: 503,
        detail: `${error.message}; retry in ${error.retryAfterSeconds} s.`,
      };
    }
    if (error instanceof ConcurrencyError) {
      return {
        type: '/problems/concurrent-modification',
        title: 'Concurrent modification',
        status: 409,
        detail: 'The resource kept changing while the command was retried; try again.',
      };
    }
    // Nest wraps body-parser failures in an HttpException whose cause is the original error.
    const parserError = isBodyParserError(error)
      ? error
      : error instanceof HttpException && isBodyParserError(error.cause)
        ? error.cause
        : undefined;
    if (parserError) {
      const detail =
        parserError.type === 'entity.parse.failed'
          ? 'The request body is not valid JSON.'
          : parserError.message;
      return this.fromStatus(parserError.status, detail);
    }
    if (error instanceof HttpException) return this.fromHttpException(error);
    return { type: '/problems/internal', title: 'Internal error', status: 500 };
  }

  private fromHttpException(error: HttpException): ProblemDetails {
    const body = error.getResponse();
    const message =
      typeof body === 'string'
        ? body
        : (((body as { message?: unknown }).message as string | undefined) ?? error.message);
    return this.fromStatus(
      error.getStatus(),
      Array.isArray(message) ? message.join('; ') : message,
    );
  }

  private fromStatus(status: number, detail: string): ProblemDetails {
    const type =
      STATUS_TYPES[status] ?? (status >= 500 ? '/problems/internal' : '/problems/bad-request');
    return { type, title: titleFromType(type), status, detail };
  }
}
