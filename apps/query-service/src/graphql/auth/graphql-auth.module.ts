import { Module } from '@nestjs/common';
import { TokenVerifier } from '@ledgerline/platform';
import { tokenVerifierProvider } from './token-verifier.provider';

@Module({
  providers: [tokenVerifierProvider],
  exports: [TokenVerifier],
})
export class GraphqlAuthModule {}
