import type { Role } from './role';

/** Who is calling: resolved from the API key on every request. */
export interface Principal {
  keyId: string;
  name: string;
  role: Role;
  /** The organisation a participant key acts for; null for other roles. */
  organisationId: string | null;
}
