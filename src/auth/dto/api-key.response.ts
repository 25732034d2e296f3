import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../role';

export class ApiKeyResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) organisationId: string | null;
  @ApiProperty({ type: [String] }) eventSlugs: string[];
  @ApiProperty({ description: 'First characters of the key, to recognise it.' }) keyPrefix: string;
  @ApiProperty() fromEnvironment: boolean;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date }) lastUsedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) revokedAt: Date | null;
}

export class CreatedApiKeyResponse {
  @ApiProperty({ description: 'The key in clear text. Shown only in this response; store it now.' })
  key: string;

  @ApiProperty({ type: ApiKeyResponse })
  apiKey: ApiKeyResponse;
}

export class PrincipalResponse {
  @ApiProperty({ format: 'uuid' }) keyId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) organisationId: string | null;
}
