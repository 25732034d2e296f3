import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { RegionInputDto, UpdateRegionDto } from './dto/region-input.dto';
import { RegionResponse } from './dto/region.response';
import { RegionsService } from './regions.service';
import { UuidPipe } from '../common/uuid.pipe';

@ApiTags('regions')
@ApiBearerAuth()
@Controller('api/regions')
@Roles('admin', 'organiser', 'participant')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  @ApiOkResponse({ type: [RegionResponse] })
  list(): Promise<RegionResponse[]> {
    return this.regions.listRegions();
  }

  @Get(':id')
  @ApiOkResponse({ type: RegionResponse })
  get(@Param('id', UuidPipe) id: string): Promise<RegionResponse> {
    return this.regions.getRegion(id);
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: RegionResponse })
  @ApiConflictResponse({ description: 'A region of that name exists in the country (case-insensitive)' })
  create(@Body() dto: RegionInputDto): Promise<RegionResponse> {
    return this.regions.createRegion(dto);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: RegionResponse })
  @ApiConflictResponse({ description: 'The new name is taken in the country, or the country changes under organisations' })
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateRegionDto): Promise<RegionResponse> {
    return this.regions.updateRegion(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin')
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'Organisations belong to the region or tie-ups include it' })
  remove(@Param('id', UuidPipe) id: string): Promise<void> {
    return this.regions.removeRegion(id);
  }
}
