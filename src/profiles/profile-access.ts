import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import type { OrganisationEntity } from './organisation.entity';

/** The rule in words, for 403s and import row errors. */
export const ORGANISER_WRITE_RULE = 'Organisers may change profiles they created or that take part only in events they organise';

/**
 * The one write rule for profiles, used by PATCH, DELETE and import. Admins change every profile,
 * a participant its own organisation. An organiser changes what it created, or a profile that takes
 * part in at least one of its events and in no event it does not organise: adding an organisation
 * to its own event must not hand it a profile another organiser's event relies on (a DELETE would
 * remove it from that event too). `onlyInOwnEvents` is ProfilesRepository.onlyInEventsOf's answer
 * for the organiser's key.
 */
export function mayChangeProfile(principal: Principal, org: Pick<OrganisationEntity, 'id' | 'createdByKeyId'>, onlyInOwnEvents: boolean): boolean {
  switch (principal.role) {
    case 'admin':
      return true;
    case 'participant':
      return principal.organisationId === org.id;
    case 'organiser':
      return org.createdByKeyId === principal.keyId || onlyInOwnEvents;
  }
}

/** Throws unless mayChangeProfile allows the change; other organisations' profiles are 404 to participants. */
export async function assertCanWrite(
  principal: Principal,
  org: OrganisationEntity,
  onlyInOwnEvents: () => Promise<boolean>,
): Promise<void> {
  // The event lookup only for an organiser that did not create the profile.
  const needsEvents = principal.role === 'organiser' && org.createdByKeyId !== principal.keyId;
  if (mayChangeProfile(principal, org, needsEvents && (await onlyInOwnEvents()))) return;
  // Other organisations' profiles are not even acknowledged to exist.
  if (principal.role === 'participant') throw new NotFoundException(`Profile ${org.id} not found`);
  throw new ForbiddenException(ORGANISER_WRITE_RULE);
}

export function assertCanRead(principal: Principal, org: OrganisationEntity): void {
  if (principal.role === 'participant' && principal.organisationId !== org.id) throw new NotFoundException(`Profile ${org.id} not found`);
}
