import { BadRequestException, Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { badField } from '../common/field-error';
import { parseNaceCode, stripJsicPrefix, type JsicLookup, type NaceItem, type Taxonomy } from './core';
import { JsicCodeParam, NaceCodeParam, RelatednessQuery, TaxonomySearchQuery } from './dto/taxonomy.query';
import {
  FocusSearchHit,
  FocusSectorRef,
  FocusSectorResponse,
  JsicCodeResponse,
  JsicSearchHit,
  NaceCodeResponse,
  NaceCodeSummary,
  NaceDescendantsResponse,
  NaceSearchHit,
  RelatednessResponse,
  type SearchHitResponse,
} from './dto/taxonomy.response';
import { TaxonomyService } from './taxonomy.service';

const JSIC_CODE = /^([A-Z]|\d{2,4})$/;
const NOT_A_NACE_CODE = 'must be a NACE code (26.70, 2670, 26.7, C26.70) or a JSIC code as JSIC:<code>';
const NOT_A_JSIC_CODE = 'must be a JSIC code: a major group letter (E) or 2–4 digits (27, 275, 2753), optionally prefixed JSIC:';

/** Read-only reference data: NACE codes, the JSIC mapping and the focus sectors, searchable in DE/EN/JA. */
@ApiTags('taxonomy')
@ApiBearerAuth()
@Controller('api/taxonomy')
@Roles('admin', 'organiser', 'participant')
export class TaxonomyController {
  private readonly tx: Taxonomy;

  constructor(taxonomy: TaxonomyService) {
    this.tx = taxonomy.taxonomy;
  }

  @Get('search')
  @ApiOperation({ summary: 'Find NACE codes, focus sectors and JSIC codes from words in German, English or Japanese' })
  @ApiExtraModels(NaceSearchHit, FocusSearchHit, JsicSearchHit)
  @ApiOkResponse({
    description: 'Hits, best first.',
    schema: {
      type: 'array',
      items: {
        oneOf: [{ $ref: getSchemaPath(FocusSearchHit) }, { $ref: getSchemaPath(NaceSearchHit) }, { $ref: getSchemaPath(JsicSearchHit) }],
        discriminator: {
          propertyName: 'kind',
          mapping: { focus: getSchemaPath(FocusSearchHit), nace: getSchemaPath(NaceSearchHit), jsic: getSchemaPath(JsicSearchHit) },
        },
      },
    },
  })
  @ApiBadRequestResponse({ description: 'q missing or longer than 200 characters, limit outside 1–50, or an unknown kind.' })
  search(@Query() query: TaxonomySearchQuery): SearchHitResponse[] {
    return this.tx.search(query.q, { limit: query.limit ?? 20, kinds: query.kinds });
  }

  @Get('codes/:code')
  @ApiOperation({ summary: 'One NACE code with its place in the hierarchy and its focus sectors' })
  @ApiOkResponse({ type: NaceCodeResponse })
  @ApiBadRequestResponse({ description: 'Not a code at all, or a JSIC code that maps to several NACE codes.' })
  @ApiNotFoundResponse({ description: 'A well-formed code that is not in the taxonomy.' })
  code(@Param() p: NaceCodeParam): NaceCodeResponse {
    const { item, resolvedFrom } = this.resolveNace(p.code);
    const parent = this.tx.parent(item.code);
    return {
      ...NaceCodeSummary.from(item),
      taxonomy: this.tx.id,
      isic4: item.isic4,
      parent: parent ? NaceCodeSummary.from(parent) : null,
      ancestors: this.tx.ancestors(item.code).map((i) => NaceCodeSummary.from(i)),
      children: this.tx.nace.childrenOf(item.code).map((i) => NaceCodeSummary.from(i)),
      focusSectors: this.tx.focusSectorsForCode(item.code).map((s) => FocusSectorRef.from(s)),
      resolvedFrom,
    };
  }

  @Get('codes/:code/descendants')
  @ApiOperation({ summary: 'All descendants of a NACE code, for "sector including descendants" filters' })
  @ApiOkResponse({ type: NaceDescendantsResponse })
  @ApiBadRequestResponse({ description: 'Not a code at all, or a JSIC code that maps to several NACE codes.' })
  @ApiNotFoundResponse({ description: 'A well-formed code that is not in the taxonomy.' })
  descendants(@Param() p: NaceCodeParam): NaceDescendantsResponse {
    const { item } = this.resolveNace(p.code);
    const descendants = this.tx.descendants(item.code).map((i) => ({ ...NaceCodeSummary.from(i), parent: i.parent! }));
    return { code: item.code, descendants, codes: [item.code, ...descendants.map((d) => d.code)] };
  }

  @Get('relatedness')
  @ApiOperation({ summary: 'How related two sectors are, in [0, 1], with the reason' })
  @ApiOkResponse({ type: RelatednessResponse })
  @ApiBadRequestResponse({ description: 'a or b missing or not a known code.' })
  relatedness(@Query() q: RelatednessQuery): RelatednessResponse {
    const unknown = (['a', 'b'] as const).filter((f) => this.tx.resolveCodes(q[f]).length === 0);
    if (unknown.length) {
      // One 400 naming every unknown field, in the validation pipe's shape.
      const errors = unknown.map((f) => badField(f, `${JSON.stringify(q[f])} is not a known NACE code or a mapped JSIC:<code>`));
      if (errors.length === 1) throw errors[0];
      const bodies = errors.map((e) => e.getResponse() as { message: string; details: unknown[] });
      throw new BadRequestException({ message: bodies.map((b) => b.message).join('; '), details: bodies.flatMap((b) => b.details) });
    }
    return RelatednessResponse.from(this.tx.relatedness(q.a, q.b));
  }

  @Get('focus-sectors')
  @ApiOperation({ summary: 'The focus-sector layer over NACE' })
  @ApiOkResponse({ type: [FocusSectorResponse] })
  focusSectors(): FocusSectorResponse[] {
    return this.tx.focusSectors().map((s) => FocusSectorResponse.from(s, this.tx.relatedFocusSectors(s.id)));
  }

  @Get('jsic/:code')
  @ApiOperation({ summary: 'A JSIC code: its Japanese and English name and its NACE targets' })
  @ApiOkResponse({ type: JsicCodeResponse })
  @ApiBadRequestResponse({ description: 'Not a JSIC code at all.' })
  @ApiNotFoundResponse({ description: 'A well-formed JSIC code that the mapping does not know.' })
  jsic(@Param() p: JsicCodeParam): JsicCodeResponse {
    const lookup = this.lookupJsic(stripJsicPrefix(p.code) ?? p.code);
    const targets = lookup.nace.map((c) => this.tx.get(c)).filter((i): i is NaceItem => i !== undefined);
    return JsicCodeResponse.from(this.tx.jsic.id, lookup, targets);
  }

  // 400 for input that is no code at all, 404 for a well-formed code the taxonomy does not have.
  private resolveNace(input: string): { item: NaceItem; resolvedFrom: string | null } {
    const jsic = stripJsicPrefix(input);
    if (jsic !== null) {
      const lookup = this.lookupJsic(jsic);
      const targets = lookup.nace.filter((c) => this.tx.isValidCode(c));
      if (targets.length === 0) throw new NotFoundException(`JSIC:${lookup.code} maps to no NACE code`);
      if (targets.length > 1) {
        throw badField('code', `JSIC:${lookup.code} maps to several NACE codes (${targets.join(', ')}); name one of them, or see GET /api/taxonomy/jsic/${lookup.code}`);
      }
      return { item: this.tx.get(targets[0])!, resolvedFrom: `JSIC:${lookup.code}` };
    }
    if (!parseNaceCode(input)) throw badField('code', NOT_A_NACE_CODE);
    const item = this.tx.get(input);
    if (!item) throw new NotFoundException(`NACE code ${JSON.stringify(input)} not found in ${this.tx.id}`);
    return { item, resolvedFrom: null };
  }

  private lookupJsic(input: string): JsicLookup {
    const code = input.normalize('NFKC').trim().toUpperCase();
    if (!JSIC_CODE.test(code)) throw badField('code', NOT_A_JSIC_CODE);
    const lookup = this.tx.jsic.lookup(code);
    if (!lookup) throw new NotFoundException(`JSIC code ${code} not found in ${this.tx.jsic.id}`);
    return lookup;
  }
}
