import { HttpException } from '@nestjs/common';

export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 Problem Details, as every Ledgerline HTTP error is returned. */
export interface ProblemDetails {
  /** A stable URI reference clients can switch on, e.g. `/problems/insufficient-funds`. */
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/** Thrown by HTTP-layer code that already knows the exact problem to report. */
export class ProblemException extends HttpException {
  constructor(readonly problem: ProblemDetails) {
    super(problem, problem.status);
  }

  static preconditionFailed(detail: string): ProblemException {
    return new ProblemException({
      type: '/problems/precondition-failed',
      title: 'Precondition failed',
      status: 412,
      detail,
    });
  }

  static unprocessable(type: string, title: string, detail: string): ProblemException {
    return new ProblemException({ type, title, status: 422, detail });
  }

  static badRequest(detail: string, errors: FieldError[] = []): ProblemException {
    return new ProblemException({
      type: '/problems/validation',
      title: 'Invalid request',
      status: 400,
      detail,
      ...(errors.length > 0 ? { errors } : {}),
    });
  }
}

/** `/problems/insufficient-funds` → `Insufficient funds` */
export function titleFromType(type: string): string {
  const words = (type.split('/').pop() ?? 'error').replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
