import type { Provider } from '@nestjs/common';
import {
  accountDecider,
  type AccountCommand,
  type AccountState,
} from '@ledgerline/accounts-domain';
import type { CommandTarget } from '../commands/command-target';
import { commandTargetProvider } from '../commands/command-target.provider';
import { assertMayActOn } from './account-access';
import { accountCodec } from './account-event.codec';
import { AccountEventsReader } from './account-events.reader';

/** The accounts' CommandTarget: what the generic command path needs of this domain. */
export const ACCOUNT_COMMANDS = Symbol('ACCOUNT_COMMANDS');
export type AccountCommands = CommandTarget<AccountCommand, AccountState>;

export const accountProviders: Provider[] = [
  commandTargetProvider(ACCOUNT_COMMANDS, {
    decider: accountDecider,
    codec: accountCodec,
    authorize: assertMayActOn,
  }),
  AccountEventsReader,
];
