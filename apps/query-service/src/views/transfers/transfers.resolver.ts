import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { TransferModel } from './transfer.model';

/**
 * Part of the contract already; no transfer events are recorded yet (libs/contracts has none), so
 * there is no view behind it and every transfer is, truthfully, not found.
 */
@Resolver(() => TransferModel)
export class TransfersResolver {
  @Query(() => TransferModel, { name: 'transfer', nullable: true })
  transfer(@Args('id', { type: () => ID }) _id: string): TransferModel | null {
    return null;
  }
}
