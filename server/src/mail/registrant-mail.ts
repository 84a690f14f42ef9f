/**
 * The four emails a registrant gets: received (with the reference), published
 * (with the group's link), not published (with the staff's reason), and
 * update applied. Each goes to the registrant alone and holds only their own
 * registration and the public group.
 * @module
 */
import type { Registration } from 'peer-directory/schema';
import { catalogue, type Catalogue, type MailText } from '../messages/index.js';
import { composeMail, type MailSettings } from './compose.js';
import type { OutgoingMail } from './outgoing.js';

/** The registrant emails, for the store to queue with each change. */
export interface RegistrantMail {
  received(r: Registration): OutgoingMail[];
  /** Published (a new group) or update applied (`updatesGroupId`). */
  approved(r: Registration): OutgoingMail[];
  rejected(r: Registration): OutgoingMail[];
}

export function registrantMail(settings: MailSettings): RegistrantMail {
  const mail = (r: Registration, kind: OutgoingMail['kind'], text: (c: Catalogue) => MailText) => {
    const c = catalogue(r.registrant.language);
    return [
      composeMail(settings, c, {
        kind,
        to: r.registrant.email,
        name: r.registrant.name,
        text: text(c),
        why: c.whyRegistrant(r.group.name),
      }),
    ];
  };
  return {
    received: (r) => mail(r, 'registration-received', (c) => c.received({ group: r.group.name, reference: r.reference })),
    approved: (r) => {
      const url = settings.groupUrl(r.groupId ?? r.updatesGroupId ?? '');
      return r.updatesGroupId
        ? mail(r, 'registration-updated', (c) => c.updateApplied({ group: r.group.name, reference: r.reference, url }))
        : mail(r, 'registration-published', (c) => c.published({ group: r.group.name, reference: r.reference, url }));
    },
    rejected: (r) =>
      mail(r, 'registration-rejected', (c) =>
        c.notPublished({ group: r.group.name, reference: r.reference, reason: r.decision?.reason ?? '' }),
      ),
  };
}
