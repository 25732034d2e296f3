import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import type { OrganisationEntity } from './organisation.entity';

/** Who may read or change a profile: admins all; participants their own; organisers what they created or manage. */
export async function assertCanWrite(
  principal: Principal,
  org: OrganisationEntity,
  inOrganisersEvent: () => Promise<boolean>,
): Promise<void> {
  if (principal.role === 'admin') return;
  if (principal.role === 'participant') {
    // Other organisations' profiles are not even acknowledged to exist.
    if (principal.organisationId !== org.id) throw new NotFoundException(`Profile ${org.id} not found`);
    return;
  }
  if (org.createdByKeyId === principal.keyId || (await inOrganisersEvent())) return;
  throw new ForbiddenException('Organisers may change profiles they created or that take part in their events');
}

export function assertCanRead(principal: Principal, org: OrganisationEntity): void {
  if (principal.role === 'participant' && principal.organisationId !== org.id) throw new NotFoundException(`Profile ${org.id} not found`);
}
