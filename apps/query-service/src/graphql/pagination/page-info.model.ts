import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  /** Pass as `after` to get the next page; null on an empty page. */
  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}
