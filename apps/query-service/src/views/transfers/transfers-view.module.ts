import { Module } from '@nestjs/common';
import { TransfersResolver } from './transfers.resolver';

@Module({ providers: [TransfersResolver] })
export class TransfersViewModule {}
