import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsMoney } from '../../common/is-money';

/** Body of a deposit or a withdrawal. */
export class MoneyMovementRequest {
  @ApiProperty({ example: '100.00' })
  @IsMoney()
  amount!: string;

  @ApiPropertyOptional({ example: 'salary', maxLength: 140 })
  @IsOptional()
  @IsString()
  @MaxLength(140)
  reference?: string;

  @ApiPropertyOptional({
    example: 'EUR',
    description: "When given, must be the account's currency.",
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as "EUR"' })
  currency?: string;
}
