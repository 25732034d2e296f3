import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { RegionResponse, TieUpResponse } from './dto/region.response';
import { RegionsService } from './regions.service';

@ApiTags('regions')
@ApiBearerAuth()
@Controller('api')
@Roles('admin', 'organiser', 'participant')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get('regions')
  @ApiOkResponse({ type: [RegionResponse] })
  listRegions(): Promise<RegionResponse[]> {
    return this.regions.listRegions();
  }

  @Get('tie-ups')
  @ApiOkResponse({ type: [TieUpResponse] })
  listTieUps(): Promise<TieUpResponse[]> {
    return this.regions.listTieUps();
  }
}
