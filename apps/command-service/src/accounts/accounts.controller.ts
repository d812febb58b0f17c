import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccountCommand, CommandMetadata } from '@ledgerline/accounts-domain';
import type { EventEnvelope } from '@ledgerline/contracts';
import type { CommandOutcome } from '@ledgerline/event-store';
import { CurrentPrincipal, IdGenerator, RequireRoles, type Principal } from '@ledgerline/platform';
import type { Response } from 'express';
import type { CommandContext } from '../commands/command-context';
import { CommandContextFromRequest } from '../commands/command-context.decorator';
import { CREATED, OK, send, type CommandReply } from '../commands/command-reply';
import { ExecuteCommand } from '../commands/execute-command';
import { ApiUuidParam, uuidParam } from '../common/uuid-param.pipe';
import { closeAccount, depositMoney, openAccount, withdrawMoney } from './account-commands';
import { AccountEventsReader } from './account-events.reader';
import {
  ApiCloseAccountResponses,
  ApiDepositResponses,
  ApiEventsResponses,
  ApiOpenAccountResponses,
  ApiWithdrawalResponses,
} from './accounts-api.responses';
import { ACCOUNT_COMMANDS, type AccountCommands } from './accounts.providers';
import { AccountEventsQuery } from './dto/account-events.query';
import { CloseAccountRequest } from './dto/close-account.request';
import { EventEnvelopeResponse } from './dto/event-envelope.response';
import { MoneyMovementRequest } from './dto/money-movement.request';
import { OpenAccountRequest } from './dto/open-account.request';

const ACCOUNT_ID = 'The account (a UUID).';
const OPENED: CommandReply = { ...CREATED, location: (accountId) => `/accounts/${accountId}` };

/**
 * Each route builds its domain command and dispatches it on the CommandBus to the one generic
 * command path (commands/execute-command.handler.ts), then shapes the HTTP reply.
 */
@ApiTags('accounts')
@ApiBearerAuth()
@Controller('accounts')
export class AccountsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(ACCOUNT_COMMANDS) private readonly accounts: AccountCommands,
    private readonly events: AccountEventsReader,
    private readonly ids: IdGenerator,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Open an account' })
  @ApiOpenAccountResponses()
  async open(
    @Body() body: OpenAccountRequest,
    @CommandContextFromRequest() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const accountId = body.accountId ?? this.ids.newId();
    return send(
      response,
      await this.execute(accountId, context, openAccount(accountId, body)),
      OPENED,
    );
  }

  @Post(':id/deposits')
  @ApiOperation({ summary: 'Deposit money' })
  @ApiUuidParam('id', ACCOUNT_ID)
  @ApiDepositResponses()
  async deposit(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: MoneyMovementRequest,
    @CommandContextFromRequest() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    return send(response, await this.execute(id, context, depositMoney(id, body)), CREATED);
  }

  @Post(':id/withdrawals')
  @ApiOperation({ summary: 'Withdraw money' })
  @ApiUuidParam('id', ACCOUNT_ID)
  @ApiWithdrawalResponses()
  async withdraw(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: MoneyMovementRequest,
    @CommandContextFromRequest() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    return send(response, await this.execute(id, context, withdrawMoney(id, body)), CREATED);
  }

  @Post(':id/close')
  @ApiOperation({ summary: 'Close an account (its balance must be zero)' })
  @ApiUuidParam('id', ACCOUNT_ID)
  @ApiBody({ type: CloseAccountRequest, required: false, description: 'None, or `{}`.' })
  @ApiCloseAccountResponses()
  async close(
    @Param('id', uuidParam('id')) id: string,
    @Body() _body: CloseAccountRequest,
    @CommandContextFromRequest() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    return send(response, await this.execute(id, context, closeAccount(id)), OK);
  }

  @Get(':id/events')
  @RequireRoles('auditor', 'admin')
  @ApiOperation({ summary: "An account's events as recorded (auditor, admin)" })
  @ApiUuidParam('id', ACCOUNT_ID)
  @ApiOkResponse({ description: 'The events, oldest first.', type: [EventEnvelopeResponse] })
  @ApiEventsResponses()
  readEvents(
    @Param('id', uuidParam('id')) id: string,
    @Query() query: AccountEventsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EventEnvelope[]> {
    return this.events.read(principal, id, query.fromVersion, query.limit);
  }

  private execute(
    accountId: string,
    context: CommandContext,
    build: (metadata: CommandMetadata) => AccountCommand,
  ): Promise<CommandOutcome> {
    return this.commands.execute(new ExecuteCommand(this.accounts, accountId, context, build));
  }
}
