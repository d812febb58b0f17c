import { applyDecorators } from '@nestjs/common';
import { ACCOUNT_PROBLEM_TYPES } from '@ledgerline/accounts-domain';
import { IDEMPOTENCY_KEY_REUSED } from '@ledgerline/event-store';
import { ApiProblems } from '../common/api-problems';
import { ApiCommandHeaders } from '../commands/command-headers';
import { ApiCommandAccepted } from '../commands/command-response.schema';

/**
 * Every response each accounts operation can give, for the OpenAPI document: what the guards,
 * pipes and middleware answer with (app.module.ts) and the business refusals of the decider
 * (libs/accounts-domain decide.ts); the 429 of the throttler is added to all by openapi.ts. The
 * schemathesis run in
 * test/openapi-contract.e2e-spec.ts fails on any status or body not declared here.
 */
const { accountAlreadyExists, accountClosed, balanceNotZero, currencyMismatch } =
  ACCOUNT_PROBLEM_TYPES;
const { insufficientFunds, dailyLimitExceeded } = ACCOUNT_PROBLEM_TYPES;

/**
 * What any command can be answered with besides its success and its business refusals. Opening
 * is a 404 too when the id is taken by an account of another tenant, which the caller may not see.
 */
function commandProblems() {
  return [
    ApiCommandHeaders(),
    ApiProblems.badRequest(),
    ApiProblems.unauthenticated(),
    ApiProblems.forbidden(),
    ApiProblems.notFound(),
    ApiProblems.conflict(),
    ApiProblems.preconditionFailed(),
    ApiProblems.payloadTooLarge(),
    ApiProblems.unsupportedMediaType(),
    ApiProblems.unavailable(),
  ];
}

export const ApiOpenAccountResponses = () =>
  applyDecorators(
    ApiCommandAccepted('Opened: the account is at version 1.', { location: true }),
    ...commandProblems(),
    ApiProblems.businessRule([accountAlreadyExists, accountClosed, IDEMPOTENCY_KEY_REUSED]),
  );

export const ApiDepositResponses = () =>
  applyDecorators(
    ApiCommandAccepted('Deposited.'),
    ...commandProblems(),
    ApiProblems.businessRule([currencyMismatch, accountClosed, IDEMPOTENCY_KEY_REUSED]),
  );

export const ApiWithdrawalResponses = () =>
  applyDecorators(
    ApiCommandAccepted('Withdrawn.'),
    ...commandProblems(),
    ApiProblems.businessRule([
      insufficientFunds,
      dailyLimitExceeded,
      currencyMismatch,
      accountClosed,
      IDEMPOTENCY_KEY_REUSED,
    ]),
  );

export const ApiCloseAccountResponses = () =>
  applyDecorators(
    ApiCommandAccepted('Closed: the account accepts no further commands.', { status: 200 }),
    ...commandProblems(),
    ApiProblems.businessRule([balanceNotZero, accountClosed, IDEMPOTENCY_KEY_REUSED]),
  );

export const ApiEventsResponses = () =>
  applyDecorators(
    ApiProblems.badRequest(),
    ApiProblems.unauthenticated(),
    ApiProblems.forbidden(),
    ApiProblems.notFound(),
    ApiProblems.unavailable(),
  );
