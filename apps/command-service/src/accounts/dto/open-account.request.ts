import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsMoney } from '../../common/is-money';

export class OpenAccountRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Chosen by the client for safe retries; generated when absent.',
  })
  @IsOptional()
  @IsUUID()
  accountId?: string;

  @ApiProperty({ example: 'alice' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  ownerId!: string;

  @ApiProperty({ example: 'EUR', description: 'ISO 4217 code' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as "EUR"' })
  currency!: string;

  @ApiPropertyOptional({ example: '0.00', default: '0.00' })
  @IsOptional()
  @IsMoney()
  overdraftLimit?: string;

  @ApiPropertyOptional({ example: '1500.00', default: '1500.00' })
  @IsOptional()
  @IsMoney()
  dailyWithdrawalLimit?: string;
}
