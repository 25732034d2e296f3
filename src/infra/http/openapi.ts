import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/** Builds the OpenAPI document from the code and serves the UI at /docs and JSON at /docs-json. */
export function setupOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Tie-up partner matchmaking engine')
    .setDescription(
      'Cross-region B2B partner matchmaking: organisation profiles, explainable partner suggestions and ' +
        'one-to-one meeting schedules for regional tie-ups. Authenticate with `Authorization: Bearer <API key>`.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API key' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return document;
}
