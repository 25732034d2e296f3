import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SlugPipe } from '../common/slug.pipe';
import { UuidPipe } from '../common/uuid.pipe';
import { ApiKeysService } from './api-keys.service';
import { CurrentPrincipal, Roles } from './auth.decorators';
import { ApiKeyResponse, CreatedApiKeyResponse, PrincipalResponse } from './dto/api-key.response';
import { CreateApiKeyDto } from './dto/create-api-key.dto';
import type { Principal } from './principal';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('api/admin/api-keys')
@Roles('admin')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @ApiCreatedResponse({ type: CreatedApiKeyResponse })
  create(@Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyResponse> {
    return this.keys.create(dto);
  }

  @Get()
  @ApiOkResponse({ type: [ApiKeyResponse] })
  list(): Promise<ApiKeyResponse[]> {
    return this.keys.list();
  }

  @Put(':id/events/:event')
  @ApiOkResponse({ type: ApiKeyResponse, description: 'The organiser key, now also organising the event (idempotent).' })
  @ApiBadRequestResponse({ description: 'The key is not an organiser key or is revoked (details name id), or a malformed id or slug' })
  @ApiNotFoundResponse({ description: 'No such key or event' })
  grantEvent(@Param('id', UuidPipe) id: string, @Param('event', SlugPipe) slug: string): Promise<ApiKeyResponse> {
    return this.keys.grantEvent(id, slug);
  }

  @Delete(':id/events/:event')
  @HttpCode(200)
  @ApiOkResponse({ type: ApiKeyResponse, description: 'The organiser key, no longer organising the event (idempotent).' })
  @ApiBadRequestResponse({ description: 'The key is not an organiser key or is revoked (details name id), or a malformed id or slug' })
  @ApiNotFoundResponse({ description: 'No such key or event' })
  withdrawEvent(@Param('id', UuidPipe) id: string, @Param('event', SlugPipe) slug: string): Promise<ApiKeyResponse> {
    return this.keys.withdrawEvent(id, slug);
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOkResponse({ type: ApiKeyResponse, description: 'The key, now revoked.' })
  revoke(@Param('id', UuidPipe) id: string): Promise<ApiKeyResponse> {
    return this.keys.revoke(id);
  }
}

@ApiTags('auth')
@ApiBearerAuth()
@Controller('api/me')
export class MeController {
  @Get()
  @Roles('admin', 'organiser', 'participant')
  @ApiOkResponse({ type: PrincipalResponse })
  me(@CurrentPrincipal() principal: Principal): PrincipalResponse {
    return principal;
  }
}
