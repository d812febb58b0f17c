import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '../../graphql/pagination/page-info.model';
import { TransactionModel } from './transaction.model';

@ObjectType('TransactionEdge')
export class TransactionEdgeModel {
  @Field(() => TransactionModel)
  node!: TransactionModel;

  @Field(() => String)
  cursor!: string;
}

@ObjectType('TransactionConnection')
export class TransactionConnectionModel {
  @Field(() => [TransactionEdgeModel])
  edges!: TransactionEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;
}
