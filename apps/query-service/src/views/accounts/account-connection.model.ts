import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '../../graphql/pagination/page-info.model';
import { AccountModel } from './account.model';

@ObjectType('AccountEdge')
export class AccountEdgeModel {
  @Field(() => AccountModel)
  node!: AccountModel;

  @Field(() => String)
  cursor!: string;
}

@ObjectType('AccountConnection')
export class AccountConnectionModel {
  @Field(() => [AccountEdgeModel])
  edges!: AccountEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;
}
