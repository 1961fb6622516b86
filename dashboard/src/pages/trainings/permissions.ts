/**
 * What the training pages show to whom; the Worker enforces the same rules (403).
 * District staff and admins organise; township staff enrol, print and chase their own
 * township; leaders read progress and results.
 */
import type { Me } from '../../api';

type Who = Pick<Me, 'role' | 'townshipId'>;

/** Edit the training, its courses and questionnaire; open and close the evaluation. */
export function canOrganise(user: Who): boolean {
  return user.role === 'admin' || (user.role === 'staff' && user.townshipId === null);
}

/** Enrol deputies, print QR slips, see personal links and phone numbers. */
export function canChase(user: Who): boolean {
  return user.role === 'admin' || user.role === 'staff';
}
