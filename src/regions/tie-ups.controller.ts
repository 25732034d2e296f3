import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { TieUpResponse } from './dto/region.response';
import { TieUpInputDto, UpdateTieUpDto } from './dto/tie-up-input.dto';
import { TieUpsService } from './tie-ups.service';
import { UuidPipe } from '../common/uuid.pipe';

@ApiTags('regions')
@ApiBearerAuth()
@Controller('api/tie-ups')
@Roles('admin', 'organiser', 'participant')
export class TieUpsController {
  constructor(private readonly tieUps: TieUpsService) {}

  @Get()
  @ApiOkResponse({ type: [TieUpResponse] })
  list(): Promise<TieUpResponse[]> {
    return this.tieUps.listTieUps();
  }

  @Get(':id')
  @ApiOkResponse({ type: TieUpResponse })
  get(@Param('id', UuidPipe) id: string): Promise<TieUpResponse> {
    return this.tieUps.getTieUp(id);
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: TieUpResponse })
  @ApiConflictResponse({ description: 'A tie-up of that name exists (case-insensitive)' })
  create(@Body() dto: TieUpInputDto): Promise<TieUpResponse> {
    return this.tieUps.createTieUp(dto);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: TieUpResponse, description: 'regionIds and focusSectors, when given, replace the lists.' })
  @ApiConflictResponse({ description: 'The new name is taken' })
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateTieUpDto): Promise<TieUpResponse> {
    return this.tieUps.updateTieUp(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin')
  @ApiNoContentResponse({ description: 'Events that referred to the tie-up keep going without one.' })
  remove(@Param('id', UuidPipe) id: string): Promise<void> {
    return this.tieUps.removeTieUp(id);
  }
}
