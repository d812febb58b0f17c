import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AccountsController } from './accounts.controller';
import { accountCommandHandlers, accountProviders } from './accounts.providers';

@Module({
  imports: [CqrsModule],
  controllers: [AccountsController],
  providers: [...accountProviders, ...accountCommandHandlers],
})
export class AccountsModule {}
