import { ForbiddenException, Injectable, Logger, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiKeysService } from './api-keys.service';
import { PUBLIC_METADATA, ROLES_METADATA, type AuthenticatedRequest } from './auth.decorators';
import type { Role } from './role';

/** Global guard: every route needs a valid key and one of the roles it declares, unless @Public. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly logger = new Logger('ApiKeyGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeysService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_METADATA, targets)) return true;

    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new UnauthorizedException('Missing API key: send Authorization: Bearer <key>');
    const principal = await this.keys.authenticate(match[1]);
    if (!principal) throw new UnauthorizedException('Unknown or revoked API key');
    req.principal = principal;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_METADATA, targets);
    if (!roles || roles.length === 0) {
      // Deny by default: a route nobody declared roles for is a programming error, not an open door.
      this.logger.error(`route ${req.method} ${req.path} declares no roles; denied`);
      throw new ForbiddenException('This route is not open to any role');
    }
    if (!roles.includes(principal.role)) {
      throw new ForbiddenException(`Role ${principal.role} may not use this route (allowed: ${roles.join(', ')})`);
    }
    return true;
  }
}
