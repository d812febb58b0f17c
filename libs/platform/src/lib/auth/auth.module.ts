import { ConfigurableModuleBuilder, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AuthOptions } from './auth-options';
import { JwtAuthGuard } from './jwt-auth.guard';
import { TokenVerifier } from './token-verifier';

const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN } =
  new ConfigurableModuleBuilder<AuthOptions>().setClassMethodName('forRoot').build();

/** JWT bearer auth for every route of the app that imports it (see @Public, @RequireRoles). */
@Global()
@Module({
  providers: [
    {
      provide: TokenVerifier,
      inject: [MODULE_OPTIONS_TOKEN],
      useFactory: (options: AuthOptions) => new TokenVerifier(options),
    },
    { provide: APP_GUARD, useClass: JwtAuthGuard },
  ],
  exports: [TokenVerifier],
})
export class AuthModule extends ConfigurableModuleClass {}
