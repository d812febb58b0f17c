import { Module } from '@nestjs/common';
import { AccountsController } from './accounts.controller';
import { accountProviders } from './accounts.providers';

@Module({
  controllers: [AccountsController],
  providers: [...accountProviders],
})
export class AccountsModule {}
